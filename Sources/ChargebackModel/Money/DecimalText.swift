import Foundation

/// Text of decimal numbers for people, locale-free: the one place amounts are rounded to text and
/// thousands are grouped. Never passes through floating point.
public enum DecimalText {
    /// `-1234.5` → `-1234.50`: rounded half away from zero (`MoneyRounding`) to `scale` decimals and
    /// written with exactly that many, `.` separator, no grouping.
    public static func fixed(_ value: Decimal, scale: Int) -> String {
        let rounded = MoneyRounding.rounded(value, scale: scale)
        let negative = rounded < 0
        let digits = (negative ? -rounded : rounded).description
        var parts = digits.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let integer = parts.removeFirst()
        var fraction = parts.first ?? ""
        if fraction.count < scale { fraction += String(repeating: "0", count: scale - fraction.count) }
        let body = scale > 0 ? "\(integer).\(fraction)" : integer
        // No `-0.00`: a value that rounds to zero loses its sign.
        let isZero = body.allSatisfy { $0 == "0" || $0 == "." }
        return (negative && !isZero ? "-" : "") + body
    }

    /// `-1234.5` → `-1,234.50`: `fixed`, with thousands grouped.
    public static func grouped(_ value: Decimal, scale: Int) -> String {
        groupingThousands(fixed(value, scale: scale))
    }

    /// A fraction as a grouped percentage with `scale` decimals: 0.0243 → `2.4%` at scale 1.
    public static func percent(_ fraction: Decimal, scale: Int) -> String {
        grouped(fraction * 100, scale: scale) + "%"
    }

    /// `-1234567.50` → `-1,234,567.50`: commas between thousands of the integer part of a plain
    /// decimal text (a sign, digits, optionally `.` and more digits).
    public static func groupingThousands(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = Array(parts[0])
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + grouped + fraction
    }
}
