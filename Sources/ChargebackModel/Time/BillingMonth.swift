import Foundation

/// A calendar month in UTC: the period every cost and query is attributed to.
public struct BillingMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1–12.
    public let month: Int

    /// The years a month may be parsed in; arithmetic (`next`, `previous`) may step one beyond.
    public static let years = 1970...9999

    public init?(year: Int, month: Int) {
        guard BillingMonth.years.contains(year), (1...12).contains(month) else { return nil }
        self.init(unchecked: year, month: month)
    }

    /// A month from arithmetic on a valid one: never out of `Int`'s range, so never a crash.
    private init(unchecked year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`; nil for anything else.
    public init?(_ text: String) {
        guard text.wholeMatch(of: /[0-9]{4}-[0-9]{2}/) != nil,
              let year = Int(text.prefix(4)), let month = Int(text.suffix(2))
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month that contains `date` (UTC).
    public init(containing date: Date) {
        let day = CivilDay(containing: date)
        self.init(unchecked: day.year, month: day.month)
    }

    /// `YYYY-MM`.
    public var text: String { String(format: "%04d-%02d", year, month) }
    public var description: String { text }

    /// "October 2026".
    public var title: String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
        return "\(names[month - 1]) \(year)"
    }

    /// The first instant of the month, UTC.
    public var start: Date { CivilDay(year: year, month: month, day: 1).start }

    /// The first instant of the next month, UTC (the period's exclusive end).
    public var end: Date { next.start }

    public var next: BillingMonth {
        month == 12 ? BillingMonth(unchecked: year + 1, month: 1) : BillingMonth(unchecked: year, month: month + 1)
    }

    public var previous: BillingMonth {
        month == 1 ? BillingMonth(unchecked: year - 1, month: 12) : BillingMonth(unchecked: year, month: month - 1)
    }

    /// The month `count` months before this one (after it when `count` is negative).
    public func monthsBefore(_ count: Int) -> BillingMonth {
        // Bounded so that the index below stays far from Int's limits.
        let index = (year * 12 + month - 1) - min(max(count, -1_200_000), 1_200_000)
        return BillingMonth(unchecked: index >= 0 ? index / 12 : (index - 11) / 12, month: ((index % 12) + 12) % 12 + 1)
    }

    /// `YYYY-MM-01`, the Cost Explorer start date.
    public var firstDayText: String { String(format: "%04d-%02d-01", year, month) }
    /// The next month's first day: Cost Explorer's exclusive end date.
    public var endDayText: String { next.firstDayText }

    /// Whether `date` falls in the month: start inclusive, end exclusive.
    public func contains(_ date: Date) -> Bool { date >= start && date < end }

    /// The calendar month before the one that contains `now`: the default month to report.
    public static func previous(to now: Date) -> BillingMonth { BillingMonth(containing: now).previous }

    public static func < (lhs: BillingMonth, rhs: BillingMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let month = BillingMonth(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a month as YYYY-MM"))
        }
        self = month
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// `YYYY-MM-DD` of the day that contains `date`, in UTC.
    public static func dayText(_ date: Date) -> String {
        let day = CivilDay(containing: date)
        return String(format: "%04d-%02d-%02d", day.year, day.month, day.day)
    }

    /// The Gregorian calendar in UTC, which every period and date of the reports uses.
    public static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
