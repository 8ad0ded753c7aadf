import AWSCore

/// Amazon QuickSight (Quick) over REST-JSON: the data sources and data sets of one account.
public struct QuickSightClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// One page of the account's data sources.
    public func listDataSources(accountId: String, maxResults: Int? = nil, nextToken: String? = nil) async throws
        -> ListDataSourcesOutput
    {
        let operation = "ListDataSources"
        try checkAccountId(accountId, operation: operation)
        return try await client.restJSON(
            .quickSight, operation: operation, path: "/accounts/\(segment(accountId))/data-sources",
            query: try listQuery(maxResults: maxResults, nextToken: nextToken, operation: operation))
    }

    /// Every data source of the account, page by page.
    public func listDataSourcesPages(accountId: String, maxResults: Int? = nil) -> TokenPaginator<ListDataSourcesOutput> {
        TokenPaginator(service: AWSServiceDescriptor.quickSight.name, operation: "ListDataSources") { token in
            try await listDataSources(accountId: accountId, maxResults: maxResults, nextToken: token)
        }
    }

    public func describeDataSource(accountId: String, dataSourceId: String) async throws -> QuickSightDataSource {
        let operation = "DescribeDataSource"
        try checkAccountId(accountId, operation: operation)
        try checkResourceId(dataSourceId, field: "DataSourceId", operation: operation)
        let output: DescribeDataSourceOutput = try await client.restJSON(
            .quickSight, operation: operation,
            path: "/accounts/\(segment(accountId))/data-sources/\(segment(dataSourceId))")
        guard let dataSource = output.dataSource else {
            throw missing("DataSource", id: dataSourceId, operation: operation)
        }
        return dataSource
    }

    /// One page of the account's data set summaries.
    public func listDataSets(accountId: String, maxResults: Int? = nil, nextToken: String? = nil) async throws
        -> ListDataSetsOutput
    {
        let operation = "ListDataSets"
        try checkAccountId(accountId, operation: operation)
        return try await client.restJSON(
            .quickSight, operation: operation, path: "/accounts/\(segment(accountId))/data-sets",
            query: try listQuery(maxResults: maxResults, nextToken: nextToken, operation: operation))
    }

    /// Every data set summary of the account, page by page.
    public func listDataSetsPages(accountId: String, maxResults: Int? = nil) -> TokenPaginator<ListDataSetsOutput> {
        TokenPaginator(service: AWSServiceDescriptor.quickSight.name, operation: "ListDataSets") { token in
            try await listDataSets(accountId: accountId, maxResults: maxResults, nextToken: token)
        }
    }

    public func describeDataSet(accountId: String, dataSetId: String) async throws -> QuickSightDataSet {
        let operation = "DescribeDataSet"
        try checkAccountId(accountId, operation: operation)
        try checkResourceId(dataSetId, field: "DataSetId", operation: operation)
        let output: DescribeDataSetOutput = try await client.restJSON(
            .quickSight, operation: operation,
            path: "/accounts/\(segment(accountId))/data-sets/\(segment(dataSetId))")
        guard let dataSet = output.dataSet else { throw missing("DataSet", id: dataSetId, operation: operation) }
        return dataSet
    }

    // MARK: Request building

    /// A path segment: ids may hold characters that are not safe in a URL path (even "/").
    private func segment(_ value: String) -> String { AWSURIEncoding.encode(value) }

    private func listQuery(maxResults: Int?, nextToken: String?, operation: String) throws -> [(String, String)] {
        var query: [(String, String)] = []
        if let maxResults {
            guard (1...100).contains(maxResults) else {
                throw invalid("max-results must be between 1 and 100; got \(maxResults)", operation: operation)
            }
            query.append(("max-results", String(maxResults)))
        }
        if let nextToken, !nextToken.isEmpty { query.append(("next-token", nextToken)) }
        return query
    }

    private func checkAccountId(_ accountId: String, operation: String) throws {
        guard accountId.count == 12, accountId.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw invalid("AwsAccountId must be 12 digits; got '\(accountId)'", operation: operation)
        }
    }

    private func checkResourceId(_ id: String, field: String, operation: String) throws {
        guard !id.isEmpty else { throw invalid("\(field) must not be empty", operation: operation) }
    }

    private func invalid(_ detail: String, operation: String) -> AWSClientError {
        .invalidRequest(service: AWSServiceDescriptor.quickSight.name, operation: operation, detail: detail)
    }

    private func missing(_ element: String, id: String, operation: String) -> AWSClientError {
        .invalidResponse(service: AWSServiceDescriptor.quickSight.name, operation: operation,
                         detail: "no \(element) in the response for '\(id)'")
    }
}
