import Foundation

/// A validated GetCostAndUsage request.
struct CostExplorerRequest {
    struct Period {
        let start: SandboxCivilDate
        /// Exclusive.
        let end: SandboxCivilDate
    }

    let periods: [Period]
    let metrics: [String]
    let groupBy: [String]
    let filter: CostExplorerFilter?
    let nextPageToken: String?
    /// Identifies the request without its page token, so a token only continues its own query.
    let fingerprint: String

    /// AWS keeps 14 months of daily data: a longer DAILY range is refused before any work.
    static let maxDailyMonths = 14

    /// `today` is the sandbox data clock's day: a period may not start after it.
    init(_ body: EngineRequestBody, today: SandboxCivilDate) throws(SandboxAPIError) {
        guard let timePeriod = body.members["TimePeriod"] as? [String: Any],
              let startText = timePeriod["Start"] as? String, let endText = timePeriod["End"] as? String else {
            throw .validation("TimePeriod with Start and End (YYYY-MM-DD) is required.")
        }
        guard let start = SandboxCivilDate(parsing: startText) else { throw .validation("Start date \(startText) is not a valid YYYY-MM-DD date.") }
        guard let end = SandboxCivilDate(parsing: endText) else { throw .validation("End date \(endText) is not a valid YYYY-MM-DD date.") }
        guard start < end else { throw .validation("Start date \(startText) must be before end date \(endText) (End is exclusive).") }
        guard start <= today else { throw .validation("Start date \(startText) is after today (\(today.text)); Cost Explorer has no costs for future days.") }

        let granularity = try body.string("Granularity") ?? ""
        switch granularity {
        case "DAILY":
            guard end <= start.firstOfMonth(adding: Self.maxDailyMonths) else {
                throw .validation("A DAILY request covers at most \(Self.maxDailyMonths) months; \(startText) to \(endText) is longer. Use MONTHLY or a shorter range.")
            }
            periods = (start.daysSinceEpoch..<end.daysSinceEpoch).map {
            Period(start: SandboxCivilDate(daysSinceEpoch: $0), end: SandboxCivilDate(daysSinceEpoch: $0 + 1))
        }
        case "MONTHLY": periods = Self.months(from: start, to: end)
        case "HOURLY": throw .validation("Hourly granularity is not enabled for this account; use DAILY or MONTHLY.")
        default: throw .validation("Granularity must be DAILY or MONTHLY; it was '\(granularity)'.")
        }

        let metrics = try body.strings("Metrics") ?? []
        guard !metrics.isEmpty else { throw .validation("Metrics must name at least one metric.") }
        for metric in metrics where !CostExplorerLine.metrics.contains(metric) {
            throw .validation("Metric \(metric) is not valid; use one of \(CostExplorerLine.metrics.joined(separator: ", ")).")
        }
        // A metric named twice is answered once, never summed twice.
        var distinct: [String] = []
        for metric in metrics where !distinct.contains(metric) { distinct.append(metric) }
        self.metrics = distinct

        var groupBy: [String] = []
        if let definitions = body.members["GroupBy"] {
            guard let list = definitions as? [[String: Any]] else { throw .validation("GroupBy must be a list of {Type, Key}.") }
            guard list.count <= 2 else { throw .validation("GroupBy accepts at most 2 group definitions; it had \(list.count).") }
            for definition in list {
                guard let type = definition["Type"] as? String, let key = definition["Key"] as? String else {
                    throw .validation("Each GroupBy entry needs a Type and a Key.")
                }
                guard type == "DIMENSION" else {
                    throw .validation("GroupBy type \(type) is not supported by the sandbox: scenario cost lines carry no tags or cost categories.")
                }
                guard CostExplorerLine.dimensions.contains(key) else {
                    throw .validation("Group by \(key) is not supported by the sandbox; use one of \(CostExplorerLine.dimensions.joined(separator: ", ")).")
                }
                guard !groupBy.contains(key) else { throw .validation("GroupBy names dimension \(key) twice.") }
                groupBy.append(key)
            }
        }
        self.groupBy = groupBy

        filter = try body.members["Filter"].map { value throws(SandboxAPIError) in try CostExplorerFilter(parsing: value) }
        nextPageToken = try body.string("NextPageToken")

        var canonical = body.members
        canonical["NextPageToken"] = nil
        let data = (try? JSONSerialization.data(withJSONObject: canonical, options: [.sortedKeys])) ?? Data()
        fingerprint = String(ScenarioRandom.stableHash(String(decoding: data, as: UTF8.self)), radix: 16)
    }

    /// Calendar months covering [start, end), the first and last clipped to the range.
    private static func months(from start: SandboxCivilDate, to end: SandboxCivilDate) -> [Period] {
        var periods: [Period] = []
        var cursor = start
        while cursor < end {
            let next = min(cursor.firstOfMonth(adding: 1), end)
            periods.append(Period(start: cursor, end: next))
            cursor = next
        }
        return periods
    }
}
