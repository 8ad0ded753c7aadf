/// Athena query execution ids look like lowercase UUIDs; generated ones are built from 128
/// random bits with the version-4 and variant bits set, and parsed back for lookups.
enum AthenaExecutionID {
    static func make(high: UInt64, low: UInt64) -> (high: UInt64, low: UInt64) {
        ((high & ~0xF000) | 0x4000, (low & ~(0xC000_0000_0000_0000 as UInt64)) | 0x8000_0000_0000_0000)
    }

    /// 8-4-4-4-12 lowercase hex digits, written byte by byte: the sandbox formats an id for every
    /// execution it lists or returns.
    static func text(high: UInt64, low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var position = 0
            for index in 0..<32 {
                if index == 8 || index == 12 || index == 16 || index == 20 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
                let value = index < 16 ? high : low
                let shift = UInt64(60 - 4 * (index % 16))
                buffer[position] = hexDigits[Int((value >> shift) & 0xF)]
                position += 1
            }
            return position
        }
    }

    /// The two halves of an id in that form (either case), or nil.
    static func parse(_ text: String) -> (high: UInt64, low: UInt64)? {
        var text = text
        return text.withUTF8(parse)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (high: UInt64, low: UInt64)? {
        guard bytes.count == 36 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            if digits < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            digits += 1
        }
        return (high, low)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
