import Foundation

/// Rounding of money amounts. Every amount a report shows is in cents; exact amounts (query
/// estimates, driver shares) stay unrounded until they are apportioned.
public enum MoneyRounding {
    /// `amount` rounded half away from zero to 2 decimals, as bills are.
    public static func cents(_ amount: Decimal) -> Decimal {
        rounded(amount, scale: 2)
    }

    /// `amount` rounded to `scale` decimals: by default half away from zero (Foundation's `.plain`
    /// mode rounds a half up for positive and down for negative values: away from zero).
    public static func rounded(_ amount: Decimal, scale: Int, mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, mode)
        return result
    }

    /// `part / whole` as a fraction with 4 decimals; nil when `whole` is zero.
    public static func fraction(_ part: Decimal, of whole: Decimal) -> Decimal? {
        whole == 0 ? nil : rounded(part / whole, scale: 4)
    }

    /// `amount` in whole cents (12.34 → 1234), rounded half away from zero first.
    public static func wholeCents(_ amount: Decimal) -> Int64 {
        NSDecimalNumber(decimal: cents(amount) * 100).int64Value
    }

    /// A whole number of cents as an amount (1234 → 12.34).
    public static func amount(cents: Int64) -> Decimal {
        Decimal(cents) / 100
    }
}
