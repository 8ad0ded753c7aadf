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

    var text: String {
        var output = ""
        write(into: &output)
        return output
    }

    private func write(into output: inout String) {
        switch self {
        case .object(let pairs):
            output += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { output += "," }
                Self.writeString(key, into: &output)
                output += ":"
                value.write(into: &output)
            }
            output += "}"
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(into: &output)
            }
            output += "]"
        case .string(let text):
            Self.writeString(text, into: &output)
        case .integer(let value):
            output += String(value)
        case .bool(let value):
            output += value ? "true" : "false"
        case .timestamp(let millis):
            let seconds = millis.quotientAndRemainder(dividingBy: 1000)
            let fraction = seconds.remainder < 0 ? seconds.remainder + 1000 : seconds.remainder
            let whole = seconds.remainder < 0 ? seconds.quotient - 1 : seconds.quotient
            output += String(whole) + "." + String(repeating: "0", count: 3 - String(fraction).count) + String(fraction)
        }
    }

    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        // Most strings (ids, names, dates) need no escaping: copy them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
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
        SandboxReply(status: status, headers: [("Content-Type", contentType)], body: Data(value.text.utf8))
    }
}
