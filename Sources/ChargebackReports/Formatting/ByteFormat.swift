import Foundation

/// Byte counts for people: MB, GB or TB in binary units (1 TB = 2^40 bytes, the unit Athena
/// prices by), two decimals; the exact count goes in a `title` attribute or the CSV.
enum ByteFormat {
    static func human(_ bytes: Int64) -> String {
        let value = Decimal(bytes)
        let tb = Decimal(1 << 40)
        let gb = Decimal(1 << 30)
        let mb = Decimal(1 << 20)
        if value >= tb { return MoneyFormat.grouped(value / tb) + " TB" }
        if value >= gb { return MoneyFormat.grouped(value / gb) + " GB" }
        return MoneyFormat.grouped(value / mb) + " MB"
    }

    /// `1,234,567,890 bytes`.
    static func exact(_ bytes: Int64) -> String {
        MoneyFormat.grouped(Decimal(bytes), scale: 0) + " bytes"
    }
}
