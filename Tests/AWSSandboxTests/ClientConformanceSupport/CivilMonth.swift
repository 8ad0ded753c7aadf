import Foundation

/// First days of UTC calendar months as Cost Explorer's "YYYY-MM-DD" dates.
enum CivilMonth {
    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    /// The first day of the month `offset` months from the one holding `date`.
    static func firstDay(of date: Date, addingMonths offset: Int) -> String {
        let parts = calendar.dateComponents([.year, .month], from: date)
        let first = calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: 1))!
        let shifted = calendar.date(byAdding: .month, value: offset, to: first)!
        let result = calendar.dateComponents([.year, .month, .day], from: shifted)
        return String(format: "%04d-%02d-%02d", result.year!, result.month!, result.day!)
    }
}
