import Foundation

public struct ListWorkGroupsInput: Sendable, Equatable, Encodable {
    /// 1–50.
    public var maxResults: Int?
    public var nextToken: String?

    public init(maxResults: Int? = nil, nextToken: String? = nil) {
        self.maxResults = maxResults
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case maxResults = "MaxResults", nextToken = "NextToken"
    }
}

public struct ListWorkGroupsOutput: Sendable, Equatable, Decodable, TokenPaginated {
    public var workGroups: [AthenaWorkGroupSummary]
    public var nextToken: String?

    public init(workGroups: [AthenaWorkGroupSummary], nextToken: String? = nil) {
        self.workGroups = workGroups
        self.nextToken = nextToken
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        workGroups = try container.decodeIfPresent([AthenaWorkGroupSummary].self, forKey: .workGroups) ?? []
        nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
    }

    enum CodingKeys: String, CodingKey {
        case workGroups = "WorkGroups", nextToken = "NextToken"
    }

    public var nextPageToken: String? { nextToken }
    public var pageItems: [AthenaWorkGroupSummary] { workGroups }
}

struct GetWorkGroupInput: Encodable {
    var workGroup: String

    enum CodingKeys: String, CodingKey {
        case workGroup = "WorkGroup"
    }
}

struct GetWorkGroupOutput: Decodable {
    var workGroup: AthenaWorkGroup?

    enum CodingKeys: String, CodingKey {
        case workGroup = "WorkGroup"
    }
}

public struct ListQueryExecutionsInput: Sendable, Equatable, Encodable {
    /// Without a workgroup, Athena lists the primary workgroup.
    public var workGroup: String?
    /// 0–50.
    public var maxResults: Int?
    public var nextToken: String?

    public init(workGroup: String? = nil, maxResults: Int? = nil, nextToken: String? = nil) {
        self.workGroup = workGroup
        self.maxResults = maxResults
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case workGroup = "WorkGroup", maxResults = "MaxResults", nextToken = "NextToken"
    }
}

public struct ListQueryExecutionsOutput: Sendable, Equatable, Decodable, TokenPaginated {
    public var queryExecutionIds: [String]
    public var nextToken: String?

    public init(queryExecutionIds: [String], nextToken: String? = nil) {
        self.queryExecutionIds = queryExecutionIds
        self.nextToken = nextToken
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        queryExecutionIds = try container.decodeIfPresent([String].self, forKey: .queryExecutionIds) ?? []
        nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
    }

    enum CodingKeys: String, CodingKey {
        case queryExecutionIds = "QueryExecutionIds", nextToken = "NextToken"
    }

    public var nextPageToken: String? { nextToken }
    public var pageItems: [String] { queryExecutionIds }
}

struct BatchGetQueryExecutionInput: Encodable {
    var queryExecutionIds: [String]

    enum CodingKeys: String, CodingKey {
        case queryExecutionIds = "QueryExecutionIds"
    }
}

public struct BatchGetQueryExecutionOutput: Sendable, Equatable, Decodable {
    public var queryExecutions: [AthenaQueryExecution]
    /// Ids Athena could not return this time; worth asking again.
    public var unprocessedQueryExecutionIds: [AthenaUnprocessedQueryExecutionId]

    public init(queryExecutions: [AthenaQueryExecution],
                unprocessedQueryExecutionIds: [AthenaUnprocessedQueryExecutionId] = []) {
        self.queryExecutions = queryExecutions
        self.unprocessedQueryExecutionIds = unprocessedQueryExecutionIds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        queryExecutions = try container.decodeIfPresent([AthenaQueryExecution].self, forKey: .queryExecutions) ?? []
        unprocessedQueryExecutionIds = try container.decodeIfPresent(
            [AthenaUnprocessedQueryExecutionId].self, forKey: .unprocessedQueryExecutionIds) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case queryExecutions = "QueryExecutions", unprocessedQueryExecutionIds = "UnprocessedQueryExecutionIds"
    }
}

public struct AthenaUnprocessedQueryExecutionId: Sendable, Equatable, Decodable {
    public var queryExecutionId: String?
    public var errorCode: String?
    public var errorMessage: String?

    public init(queryExecutionId: String? = nil, errorCode: String? = nil, errorMessage: String? = nil) {
        self.queryExecutionId = queryExecutionId
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    enum CodingKeys: String, CodingKey {
        case queryExecutionId = "QueryExecutionId", errorCode = "ErrorCode", errorMessage = "ErrorMessage"
    }
}

struct GetQueryExecutionInput: Encodable {
    var queryExecutionId: String

    enum CodingKeys: String, CodingKey {
        case queryExecutionId = "QueryExecutionId"
    }
}

struct GetQueryExecutionOutput: Decodable {
    var queryExecution: AthenaQueryExecution?

    enum CodingKeys: String, CodingKey {
        case queryExecution = "QueryExecution"
    }
}

public struct StartQueryExecutionInput: Sendable, Equatable, Encodable {
    public var queryString: String
    /// Makes a retried start idempotent (32–128 characters).
    public var clientRequestToken: String?
    public var queryExecutionContext: AthenaQueryExecutionContext?
    public var resultConfiguration: AthenaResultConfiguration?
    public var workGroup: String?

    public init(queryString: String, clientRequestToken: String? = nil,
                queryExecutionContext: AthenaQueryExecutionContext? = nil,
                resultConfiguration: AthenaResultConfiguration? = nil, workGroup: String? = nil) {
        self.queryString = queryString
        self.clientRequestToken = clientRequestToken
        self.queryExecutionContext = queryExecutionContext
        self.resultConfiguration = resultConfiguration
        self.workGroup = workGroup
    }

    enum CodingKeys: String, CodingKey {
        case queryString = "QueryString", clientRequestToken = "ClientRequestToken"
        case queryExecutionContext = "QueryExecutionContext", resultConfiguration = "ResultConfiguration"
        case workGroup = "WorkGroup"
    }
}

struct StartQueryExecutionOutput: Decodable {
    var queryExecutionId: String?

    enum CodingKeys: String, CodingKey {
        case queryExecutionId = "QueryExecutionId"
    }
}

public struct GetQueryResultsInput: Sendable, Equatable, Encodable {
    public var queryExecutionId: String
    /// 1–1000.
    public var maxResults: Int?
    public var nextToken: String?

    public init(queryExecutionId: String, maxResults: Int? = nil, nextToken: String? = nil) {
        self.queryExecutionId = queryExecutionId
        self.maxResults = maxResults
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case queryExecutionId = "QueryExecutionId", maxResults = "MaxResults", nextToken = "NextToken"
    }
}

/// One page of a query's result rows. On the first page of a SELECT, the first row holds the
/// column names.
public struct GetQueryResultsOutput: Sendable, Equatable, Decodable, TokenPaginated {
    public var columns: [AthenaColumnInfo]
    /// Each row's values in column order; nil for SQL NULL.
    public var rows: [[String?]]
    public var updateCount: Int64?
    public var nextToken: String?

    public init(columns: [AthenaColumnInfo], rows: [[String?]], updateCount: Int64? = nil, nextToken: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.updateCount = updateCount
        self.nextToken = nextToken
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let resultSet = try container.decodeIfPresent(ResultSet.self, forKey: .resultSet)
        columns = resultSet?.resultSetMetadata?.columnInfo ?? []
        rows = (resultSet?.rows ?? []).map { ($0.data ?? []).map(\.varCharValue) }
        updateCount = try container.decodeIfPresent(Int64.self, forKey: .updateCount)
        nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
    }

    enum CodingKeys: String, CodingKey {
        case resultSet = "ResultSet", updateCount = "UpdateCount", nextToken = "NextToken"
    }

    public var nextPageToken: String? { nextToken }
    public var pageItems: [[String?]] { rows }

    private struct ResultSet: Decodable {
        var rows: [Row]?
        var resultSetMetadata: Metadata?

        enum CodingKeys: String, CodingKey {
            case rows = "Rows", resultSetMetadata = "ResultSetMetadata"
        }
    }

    private struct Metadata: Decodable {
        var columnInfo: [AthenaColumnInfo]?

        enum CodingKeys: String, CodingKey {
            case columnInfo = "ColumnInfo"
        }
    }

    private struct Row: Decodable {
        var data: [Datum]?

        enum CodingKeys: String, CodingKey {
            case data = "Data"
        }
    }

    private struct Datum: Decodable {
        var varCharValue: String?

        enum CodingKeys: String, CodingKey {
            case varCharValue = "VarCharValue"
        }
    }
}

public struct AthenaColumnInfo: Sendable, Equatable, Decodable {
    public var name: String
    /// The Athena SQL type ("varchar", "decimal", "bigint").
    public var type: String
    public var precision: Int?
    public var scale: Int?

    public init(name: String, type: String, precision: Int? = nil, scale: Int? = nil) {
        self.name = name
        self.type = type
        self.precision = precision
        self.scale = scale
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", type = "Type", precision = "Precision", scale = "Scale"
    }
}
