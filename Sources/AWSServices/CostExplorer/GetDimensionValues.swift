/// The parameters of GetDimensionValues: the values a dimension (such as `SERVICE`) takes in an
/// account over a period, optionally only those containing `searchString`.
public struct GetDimensionValuesInput: Sendable, Equatable, Encodable {
    public var timePeriod: CostDateInterval
    /// "SERVICE", "USAGE_TYPE", …
    public var dimension: String
    public var searchString: String?
    public var nextPageToken: String?

    public init(timePeriod: CostDateInterval, dimension: String, searchString: String? = nil, nextPageToken: String? = nil) {
        self.timePeriod = timePeriod
        self.dimension = dimension
        self.searchString = searchString
        self.nextPageToken = nextPageToken
    }

    enum CodingKeys: String, CodingKey {
        case timePeriod = "TimePeriod", dimension = "Dimension", searchString = "SearchString"
        case nextPageToken = "NextPageToken"
    }
}

/// One page of GetDimensionValues.
public struct GetDimensionValuesOutput: Sendable, Equatable, Decodable, TokenPaginated {
    public var dimensionValues: [CostDimensionValueAttributes]
    public var nextPageToken: String?

    public init(dimensionValues: [CostDimensionValueAttributes], nextPageToken: String? = nil) {
        self.dimensionValues = dimensionValues
        self.nextPageToken = nextPageToken
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dimensionValues = try container.decodeIfPresent([CostDimensionValueAttributes].self, forKey: .dimensionValues) ?? []
        nextPageToken = try container.decodeIfPresent(String.self, forKey: .nextPageToken)
    }

    enum CodingKeys: String, CodingKey {
        case dimensionValues = "DimensionValues", nextPageToken = "NextPageToken"
    }

    public var pageItems: [CostDimensionValueAttributes] { dimensionValues }
}
