/// The parameters of GetCostAndUsage.
public struct GetCostAndUsageInput: Sendable, Equatable, Encodable {
    public var timePeriod: CostDateInterval
    public var granularity: CostGranularity
    /// "UnblendedCost", "AmortizedCost", …
    public var metrics: [String]
    public var filter: CostExpression?
    /// At most two.
    public var groupBy: [CostGroupDefinition]
    public var nextPageToken: String?

    public init(timePeriod: CostDateInterval, granularity: CostGranularity, metrics: [String],
                filter: CostExpression? = nil, groupBy: [CostGroupDefinition] = [], nextPageToken: String? = nil) {
        self.timePeriod = timePeriod
        self.granularity = granularity
        self.metrics = metrics
        self.filter = filter
        self.groupBy = groupBy
        self.nextPageToken = nextPageToken
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timePeriod, forKey: .timePeriod)
        try container.encode(granularity, forKey: .granularity)
        try container.encode(metrics, forKey: .metrics)
        try container.encodeIfPresent(filter, forKey: .filter)
        if !groupBy.isEmpty { try container.encode(groupBy, forKey: .groupBy) }
        try container.encodeIfPresent(nextPageToken, forKey: .nextPageToken)
    }

    enum CodingKeys: String, CodingKey {
        case timePeriod = "TimePeriod", granularity = "Granularity", metrics = "Metrics", filter = "Filter"
        case groupBy = "GroupBy", nextPageToken = "NextPageToken"
    }
}

/// One page of GetCostAndUsage. A group may continue on the next page: follow every page.
public struct GetCostAndUsageOutput: Sendable, Equatable, Decodable, TokenPaginated {
    public var resultsByTime: [CostResultByTime]
    public var nextPageToken: String?
    public var groupDefinitions: [CostGroupDefinition]
    public var dimensionValueAttributes: [CostDimensionValueAttributes]

    public init(resultsByTime: [CostResultByTime], nextPageToken: String? = nil,
                groupDefinitions: [CostGroupDefinition] = [],
                dimensionValueAttributes: [CostDimensionValueAttributes] = []) {
        self.resultsByTime = resultsByTime
        self.nextPageToken = nextPageToken
        self.groupDefinitions = groupDefinitions
        self.dimensionValueAttributes = dimensionValueAttributes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        resultsByTime = try container.decodeIfPresent([CostResultByTime].self, forKey: .resultsByTime) ?? []
        nextPageToken = try container.decodeIfPresent(String.self, forKey: .nextPageToken)
        groupDefinitions = try container.decodeIfPresent([CostGroupDefinition].self, forKey: .groupDefinitions) ?? []
        dimensionValueAttributes = try container.decodeIfPresent(
            [CostDimensionValueAttributes].self, forKey: .dimensionValueAttributes) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case resultsByTime = "ResultsByTime", nextPageToken = "NextPageToken", groupDefinitions = "GroupDefinitions"
        case dimensionValueAttributes = "DimensionValueAttributes"
    }

    public var pageItems: [CostResultByTime] { resultsByTime }
}
