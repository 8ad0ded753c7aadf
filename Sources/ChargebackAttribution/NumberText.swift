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
        DecimalText.grouped(value, scale: scale)
    }

    /// A fraction as a percentage with 4 decimals: 0.270213 → `27.0213%`.
    static func percent(_ fraction: Decimal, scale: Int = 4) -> String {
        DecimalText.percent(fraction, scale: scale)
    }
}
