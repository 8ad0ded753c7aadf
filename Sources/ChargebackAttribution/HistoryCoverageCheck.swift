import ChargebackModel
import Foundation

/// Whether a closed month's stored Athena history reaches the month's end, workgroup by workgroup.
/// A store last collected on the 25th misses the queries of the month's last days: the report
/// says so, and what to run while Athena (45 days) still holds them.
enum HistoryCoverageCheck {
    /// How long Athena keeps query history.
    static let athenaRetention: TimeInterval = 45 * 86_400

    /// The coverage as the report shows it; nil when the store recorded none.
    static func reports(_ coverage: [HistoryCoverage], month: BillingMonth) -> [HistoryCoverageReport]? {
        guard !coverage.isEmpty else { return nil }
        return coverage.sorted { ($0.region, $0.workgroup) < ($1.region, $1.workgroup) }.map {
            HistoryCoverageReport(region: $0.region, workgroup: $0.workgroup, coveredFrom: $0.from, coveredTo: $0.to,
                                  coversMonth: $0.from <= month.start && $0.to >= month.end)
        }
    }

    /// A note when the month is over (at `now`) but some workgroup's history stops before its end.
    /// Only workgroups the unit's latest collect listed count: one whose history stops a day or
    /// more before the others' was no longer there to list (deleted or disabled), and no collect
    /// would bring more of it.
    static func endsEarly(unit: String, coverage: [HistoryCoverage], month: BillingMonth, now: Date) -> DataQualityNote? {
        guard month.end <= now, let latest = coverage.map(\.to).max() else { return nil }
        let short = coverage.filter { $0.to < month.end && $0.to > latest.addingTimeInterval(-86_400) }
            .sorted { ($0.to, $0.region, $0.workgroup) < ($1.to, $1.region, $1.workgroup) }
        guard let earliest = short.first else { return nil }
        let names = short.map { "\($0.region)/\($0.workgroup)" }.joined(separator: ", ")
        let lastDay = BillingMonth.dayText(month.end.addingTimeInterval(-1))
        var message = "\(unit)'s Athena history of \(month.title) was last collected on \(BillingMonth.dayText(earliest.to)) "
            + "(\(names)): the queries from then to \(lastDay) are missing from its estimate and query-based shares. "
        let firstKept = earliest.to.addingTimeInterval(athenaRetention)
        let lastKept = month.end.addingTimeInterval(athenaRetention)
        if now < firstKept {
            message += "Run `chargeback collect --month \(month)`: Athena still holds those days until \(BillingMonth.dayText(firstKept))."
        } else if now < lastKept {
            message += "Athena keeps 45 days, so some of them are lost; run `chargeback collect --month \(month)` to "
                + "collect the rest before \(BillingMonth.dayText(lastKept))."
        } else {
            message += "Athena keeps 45 days: they can no longer be collected."
        }
        return DataQualityNote(kind: .historyGap, businessUnitId: unit, message: message)
    }
}
