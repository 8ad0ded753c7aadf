/// Athena query execution ids look like lowercase UUIDs; generated ones are built from 128
/// random bits with the version-4 and variant bits set, and parsed back for lookups.
enum AthenaExecutionID {
    static func make(high: UInt64, low: UInt64) -> (high: UInt64, low: UInt64) {
        ((high & ~0xF000) | 0x4000, (low & ~(0xC000_0000_0000_0000 as UInt64)) | 0x8000_0000_0000_0000)
    }

    static func text(high: UInt64, low: UInt64) -> String {
        let digits = hex(high, width: 16) + hex(low, width: 16)
        var output = ""
        output.reserveCapacity(36)
        for (index, character) in digits.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { output.append("-") }
            output.append(character)
        }
        return output
    }

    static func parse(_ text: String) -> (high: UInt64, low: UInt64)? {
        guard text.utf8.count == 36 else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [8, 4, 4, 4, 12] else { return nil }
        let digits = parts.joined()
        guard let high = UInt64(digits.prefix(16), radix: 16), let low = UInt64(digits.suffix(16), radix: 16) else { return nil }
        return (high, low)
    }

    private static func hex(_ value: UInt64, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: width - digits.count) + digits
    }
}
