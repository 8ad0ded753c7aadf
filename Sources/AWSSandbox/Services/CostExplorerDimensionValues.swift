import Foundation

/// GetDimensionValues from the caller account's scenario cost lines: the distinct values a
/// dimension takes over the period, sorted, optionally only those containing `SearchString`
/// (ignoring case). One page: a scenario's values are few.
struct CostExplorerDimensionValues {
    let start: SandboxCivilDate
    /// Exclusive.
    let end: SandboxCivilDate
    let dimension: String
    let searchString: String?

    init(_ body: EngineRequestBody, today: SandboxCivilDate) throws(SandboxAPIError) {
        guard let timePeriod = body.members["TimePeriod"] as? [String: Any],
              let startText = timePeriod["Start"] as? String, let endText = timePeriod["End"] as? String else {
            throw .validation("TimePeriod with Start and End (YYYY-MM-DD) is required.")
        }
        guard let start = SandboxCivilDate(parsing: startText) else { throw .validation("Start date \(startText) is not a valid YYYY-MM-DD date.") }
        guard let end = SandboxCivilDate(parsing: endText) else { throw .validation("End date \(endText) is not a valid YYYY-MM-DD date.") }
        guard start < end else { throw .validation("Start date \(startText) must be before end date \(endText) (End is exclusive).") }
        guard start <= today else { throw .validation("Start date \(startText) is after today (\(today.text)); Cost Explorer has no costs for future days.") }
        guard let dimension = try body.string("Dimension") else { throw .validation("Dimension is required.") }
        guard CostExplorerLine.dimensions.contains(dimension) else {
            throw .validation("Dimension \(dimension) is not supported by the sandbox; use one of \(CostExplorerLine.dimensions.joined(separator: ", ")).")
        }
        if let context = try body.string("Context"), context != "COST_AND_USAGE" {
            throw .validation("Context \(context) is not supported by the sandbox; use COST_AND_USAGE.")
        }
        self.start = start
        self.end = end
        self.dimension = dimension
        searchString = try body.string("SearchString")
    }

    func answer(_ lines: [CostExplorerLine]) -> WireJSON {
        var values = Set<String>()
        for line in lines where line.day >= start.daysSinceEpoch && line.day < end.daysSinceEpoch {
            guard let value = line.value(of: dimension), !value.isEmpty else { continue }
            if let searchString, !searchString.isEmpty, value.range(of: searchString, options: .caseInsensitive) == nil { continue }
            values.insert(value)
        }
        let sorted = values.sorted()
        return .object([
            ("DimensionValues", .array(sorted.map { .object([("Value", .string($0)), ("Attributes", .object([]))]) })),
            ("ReturnSize", .integer(Int64(sorted.count))),
            ("TotalSize", .integer(Int64(sorted.count))),
        ])
    }
}
