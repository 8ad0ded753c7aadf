import AWSCore

/// AWS Cost Explorer over AWS JSON 1.1, always at us-east-1. Every request costs $0.01:
/// count pages with a `PageCounter` and report them.
public struct CostExplorerClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// One page of costs.
    public func getCostAndUsage(_ input: GetCostAndUsageInput) async throws -> GetCostAndUsageOutput {
        let operation = "GetCostAndUsage"
        try Self.validate(input, operation: operation)
        return try await client.json11(.costExplorer, operation: operation, input: input)
    }

    /// Every page of costs for `input`, following `NextPageToken`; `counter` hears each page.
    public func getCostAndUsagePages(_ input: GetCostAndUsageInput, counter: PageCounter? = nil)
        -> TokenPaginator<GetCostAndUsageOutput>
    {
        TokenPaginator(service: AWSServiceDescriptor.costExplorer.name, operation: "GetCostAndUsage",
                       firstToken: input.nextPageToken, counter: counter) { token in
            var page = input
            page.nextPageToken = token
            return try await getCostAndUsage(page)
        }
    }

    /// One page of a dimension's values (`SERVICE` names, say) over a period; $0.01 like any request.
    public func getDimensionValues(_ input: GetDimensionValuesInput) async throws -> GetDimensionValuesOutput {
        let operation = "GetDimensionValues"
        try Self.validate(input.timePeriod, operation: operation)
        return try await client.json11(.costExplorer, operation: operation, input: input)
    }

    /// Every page of a dimension's values, following `NextPageToken`; `counter` hears each page.
    public func getDimensionValuesPages(_ input: GetDimensionValuesInput, counter: PageCounter? = nil)
        -> TokenPaginator<GetDimensionValuesOutput>
    {
        TokenPaginator(service: AWSServiceDescriptor.costExplorer.name, operation: "GetDimensionValues",
                       firstToken: input.nextPageToken, counter: counter) { token in
            var page = input
            page.nextPageToken = token
            return try await getDimensionValues(page)
        }
    }

    static func validate(_ input: GetCostAndUsageInput, operation: String) throws {
        try validate(input.timePeriod, operation: operation)
        guard !input.metrics.isEmpty else { throw invalid("Metrics must name at least one metric, e.g. UnblendedCost", operation) }
        guard input.groupBy.count <= 2 else {
            throw invalid("GroupBy takes at most 2 group definitions; got \(input.groupBy.count)", operation)
        }
    }

    private static func invalid(_ detail: String, _ operation: String) -> AWSClientError {
        .invalidRequest(service: AWSServiceDescriptor.costExplorer.name, operation: operation, detail: detail)
    }

    static func validate(_ timePeriod: CostDateInterval, operation: String) throws {
        for (field, value) in [("TimePeriod.Start", timePeriod.start), ("TimePeriod.End", timePeriod.end)]
            where !isDate(value)
        {
            throw invalid("\(field) must be a date as YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SSZ for HOURLY); got '\(value)'", operation)
        }
        // ISO dates of the same form compare correctly as text.
        let sameForm = timePeriod.start.count == timePeriod.end.count
        guard !sameForm || timePeriod.start < timePeriod.end else {
            throw invalid("TimePeriod.Start (\(timePeriod.start)) must be before TimePeriod.End "
                + "(\(timePeriod.end)), which is exclusive", operation)
        }
    }

    /// "YYYY-MM-DD", optionally followed by "THH:MM:SSZ" (the model's pattern).
    private static func isDate(_ text: String) -> Bool {
        guard text.count == 10 || text.count == 20 else { return false }
        if text.count == 20 {
            let time = text.dropFirst(10)
            guard time.first == "T", time.last == "Z" else { return false }
            let clock = time.dropFirst().dropLast().split(separator: ":", omittingEmptySubsequences: false)
            guard clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
            else { return false }
        }
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
