import ChargebackModel
import Foundation

/// What a collect covers: the months whose costs are fetched and the window of Athena history.
public struct CollectPlan: Sendable, Equatable {
    /// Every month from the first to the last, in order.
    public var months: [BillingMonth]
    /// Executions submitted from here on are collected.
    public var since: Date
    /// The end of the period (exclusive), or nil for "until now". Executions the listing passes on
    /// its way to the period are kept too, but only the period's are refreshed when still running.
    public var until: Date?
    public var includeQueryText: Bool

    public init(months: [BillingMonth], since: Date, until: Date? = nil, includeQueryText: Bool = false) {
        self.months = months
        self.since = since
        self.until = until
        self.includeQueryText = includeQueryText
    }

    /// One month (`--month`): its costs, and its Athena history.
    public static func month(_ month: BillingMonth, includeQueryText: Bool = false) -> CollectPlan {
        CollectPlan(months: [month], since: month.start, until: month.end, includeQueryText: includeQueryText)
    }

    /// From a day to now (`--since`): the history since then, and the costs of every month it touches.
    public static func since(_ date: Date, now: Date, includeQueryText: Bool = false) -> CollectPlan {
        var months: [BillingMonth] = []
        var month = BillingMonth(containing: date)
        let last = BillingMonth(containing: max(date, now))
        while month <= last {
            months.append(month)
            month = month.next
        }
        return CollectPlan(months: months, since: date, includeQueryText: includeQueryText)
    }
}
