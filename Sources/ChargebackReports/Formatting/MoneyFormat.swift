import ChargebackModel
import Foundation

/// Decimal amounts as text, without ever passing through floating point. Rounding is half away
/// from zero (`NSDecimalRound` `.plain`), as bills are.
enum MoneyFormat {
    /// `-1234.5` → `-1234.50`: `scale` decimals, `.` separator, no grouping (CSV, JSON-like text).
    static func plain(_ value: Decimal, scale: Int = 2) -> String {
        DecimalText.fixed(value, scale: scale)
    }

    /// `-1234.5` → `-1,234.50`: thousands grouped with commas, for people.
    static func grouped(_ value: Decimal, scale: Int = 2) -> String {
        DecimalText.grouped(value, scale: scale)
    }

    /// A fraction as a percentage with one decimal: `0.0243` → `2.4%` (the decimal point moved,
    /// then rounded for display).
    static func percent(_ fraction: Decimal, scale: Int = 1) -> String {
        DecimalText.percent(fraction, scale: scale)
    }

    /// A fraction as a signed percentage: `+2.4%`, `-0.5%`, `0.0%`.
    static func signedPercent(_ fraction: Decimal, scale: Int = 1) -> String {
        let text = percent(fraction, scale: scale)
        return text.hasPrefix("-") || text.allSatisfy({ "0.%".contains($0) }) ? text : "+" + text
    }

    /// A signed grouped amount: `+1,234.56`, `-12.00`, `0.00`.
    static func signedGrouped(_ value: Decimal) -> String {
        let text = grouped(value)
        return text.hasPrefix("-") || text.allSatisfy({ "0.,".contains($0) }) ? text : "+" + text
    }
}
