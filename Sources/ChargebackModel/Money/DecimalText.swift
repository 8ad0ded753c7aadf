/// Text of decimal numbers for people, locale-free: the one place thousands are grouped.
public enum DecimalText {
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
