/// One page of ListDataSources.
public struct ListDataSourcesOutput: Sendable, Equatable, Decodable, TokenPaginated {
    public var dataSources: [QuickSightDataSource]
    public var nextToken: String?

    public init(dataSources: [QuickSightDataSource], nextToken: String? = nil) {
        self.dataSources = dataSources
        self.nextToken = nextToken
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dataSources = try container.decodeIfPresent([QuickSightDataSource].self, forKey: .dataSources) ?? []
        nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
    }

    enum CodingKeys: String, CodingKey {
        case dataSources = "DataSources", nextToken = "NextToken"
    }

    public var nextPageToken: String? { nextToken }
    public var pageItems: [QuickSightDataSource] { dataSources }
}

/// One page of ListDataSets.
public struct ListDataSetsOutput: Sendable, Equatable, Decodable, TokenPaginated {
    public var dataSetSummaries: [QuickSightDataSetSummary]
    public var nextToken: String?

    public init(dataSetSummaries: [QuickSightDataSetSummary], nextToken: String? = nil) {
        self.dataSetSummaries = dataSetSummaries
        self.nextToken = nextToken
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dataSetSummaries = try container.decodeIfPresent([QuickSightDataSetSummary].self, forKey: .dataSetSummaries) ?? []
        nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
    }

    enum CodingKeys: String, CodingKey {
        case dataSetSummaries = "DataSetSummaries", nextToken = "NextToken"
    }

    public var nextPageToken: String? { nextToken }
    public var pageItems: [QuickSightDataSetSummary] { dataSetSummaries }
}

struct DescribeDataSourceOutput: Decodable {
    var dataSource: QuickSightDataSource?

    enum CodingKeys: String, CodingKey {
        case dataSource = "DataSource"
    }
}

struct DescribeDataSetOutput: Decodable {
    var dataSet: QuickSightDataSet?

    enum CodingKeys: String, CodingKey {
        case dataSet = "DataSet"
    }
}
