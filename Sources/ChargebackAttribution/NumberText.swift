import ChargebackModel
import Foundation

/// Plain, locale-free text for the numbers inside explanations (`1,234`, `27.0213%`); the
/// renderers format the report's amounts themselves.
enum NumberText {
    /// `value` as written, with a comma between thousands: 1234567.5 → `1,234,567.5`.
    static func grouped(_ value: Decimal) -> String {
        DecimalText.groupingThousands(value.description)
    }

    /// `value` rounded half away from zero to `scale` decimals and written with exactly that many.
    static func fixed(_ value: Decimal, scale: Int) -> String {
        let text = grouped(MoneyRounding.rounded(value, scale: scale))
        guard scale > 0 else { return text }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return parts[0] + "." + fraction + String(repeating: "0", count: scale - fraction.count)
    }

    /// A fraction as a percentage with 4 decimals: 0.270213 → `27.0213%`.
    static func percent(_ fraction: Decimal, scale: Int = 4) -> String {
        fixed(fraction * 100, scale: scale) + "%"
    }
}
