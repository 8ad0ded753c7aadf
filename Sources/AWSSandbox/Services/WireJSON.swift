import Foundation

/// A JSON value written exactly as AWS writes it: object keys in insertion order, integers
/// without a fraction, and timestamps as epoch seconds with a millisecond fraction
/// (`1593469842.665`), which a `Double` through `JSONSerialization` cannot promise.
enum WireJSON: Sendable {
    case object([(String, WireJSON)])
    case array([WireJSON])
    case string(String)
    case integer(Int64)
    case bool(Bool)
    /// Epoch milliseconds, written as seconds with three decimals.
    case timestamp(millis: Int64)

    /// Builds an object, skipping members whose value is nil (AWS omits absent members).
    static func members(_ pairs: [(String, WireJSON?)]) -> WireJSON {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// The UTF-8 text, written straight into bytes: the sandbox serves hundreds of thousands of
    /// executions in a benchmark, on the same cores as the client it measures.
    var bytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(into: &output)
        return output
    }

    private func write(into output: inout [UInt8]) {
        switch self {
        case .object(let pairs):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                value.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .string(let text):
            Self.writeString(text, into: &output)
        case .integer(let value):
            Self.writeInteger(value, into: &output)
        case .bool(let value):
            output.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        case .timestamp(let millis):
            let seconds = millis.quotientAndRemainder(dividingBy: 1000)
            let fraction = seconds.remainder < 0 ? seconds.remainder + 1000 : seconds.remainder
            let whole = seconds.remainder < 0 ? seconds.quotient - 1 : seconds.quotient
            Self.writeInteger(whole, into: &output)
            output.append(UInt8(ascii: "."))
            output.append(UInt8(ascii: "0") + UInt8(fraction / 100))
            output.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
            output.append(UInt8(ascii: "0") + UInt8(fraction % 10))
        }
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)

    private static func writeInteger(_ value: Int64, into output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        // Digits of the magnitude, least significant first; UInt64 holds Int64.min's magnitude.
        var magnitude = value.magnitude
        let start = output.count
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        output[start...].reverse()
    }

    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings (ids, names, dates) need no escaping: copy them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            default:
                // UTF-8 bytes of other characters, multi-byte ones included, pass unchanged.
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

extension WireJSON {
    static func timestamp(_ date: Date) -> WireJSON {
        .timestamp(millis: date.epochMillis)
    }
}

extension SandboxReply {
    /// A JSON 1.1 (or, with another content type, REST-JSON) success with an exact body.
    static func wire(_ value: WireJSON, status: Int = 200,
                     contentType: String = "application/x-amz-json-1.1") -> SandboxReply {
        SandboxReply(status: status, headers: [("Content-Type", contentType)], body: Data(value.bytes))
    }
}
