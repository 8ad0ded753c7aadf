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

    static func validate(_ input: GetCostAndUsageInput, operation: String) throws {
        func invalid(_ detail: String) -> AWSClientError {
            .invalidRequest(service: AWSServiceDescriptor.costExplorer.name, operation: operation, detail: detail)
        }
        for (field, value) in [("TimePeriod.Start", input.timePeriod.start), ("TimePeriod.End", input.timePeriod.end)]
            where !isDate(value)
        {
            throw invalid("\(field) must be a date as YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SSZ for HOURLY); got '\(value)'")
        }
        // ISO dates of the same form compare correctly as text.
        let sameForm = input.timePeriod.start.count == input.timePeriod.end.count
        guard !sameForm || input.timePeriod.start < input.timePeriod.end else {
            throw invalid("TimePeriod.Start (\(input.timePeriod.start)) must be before TimePeriod.End "
                + "(\(input.timePeriod.end)), which is exclusive")
        }
        guard !input.metrics.isEmpty else { throw invalid("Metrics must name at least one metric, e.g. UnblendedCost") }
        guard input.groupBy.count <= 2 else {
            throw invalid("GroupBy takes at most 2 group definitions; got \(input.groupBy.count)")
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
