import Foundation

/// The HTTP `Date` header's format (RFC 9110 IMF-fixdate): "Mon, 30 Nov 2026 14:59:14 GMT".
enum HTTPDate {
    /// Built once: every response carries the header.
    private static let style = Date.VerbatimFormatStyle(
        format: "\(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) GMT",
        locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "GMT")!, calendar: Calendar(identifier: .gregorian))

    static func format(_ date: Date) -> String {
        date.formatted(style)
    }
}
