import Foundation

/// Dates and times in ISO form, always UTC.
enum DateFormat {
    /// `2026-11-02 06:00 UTC`.
    static func minute(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// `2026-11-02T06:00:00Z`.
    static func iso(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// `YYYY-MM-DD` (a report's period bound) as a FOCUS datetime `YYYY-MM-DDT00:00:00Z`.
    static func focusDay(_ day: String) -> String { day + "T00:00:00Z" }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
