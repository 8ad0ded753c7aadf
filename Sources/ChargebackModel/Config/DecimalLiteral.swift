import Foundation

/// Reads amounts from their written text, so `1500.10` is exactly 1500.10 and never passes
/// through a binary floating-point value.
public enum DecimalLiteral {
    /// The value of a plain decimal literal (`1500`, `-3`, `0.25`); nil for anything else,
    /// including exponents, `.inf` and thousands separators.
    public static func parse(_ text: String) -> Decimal? {
        guard text.wholeMatch(of: /[+-]?[0-9]+(\.[0-9]+)?/) != nil else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
