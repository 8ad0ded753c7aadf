import AWSCore
import Foundation

/// Amazon Athena over AWS JSON 1.1: workgroups, query history, and running the queries of the
/// CUR cost source. Limits from the model are checked before a request is sent.
public struct AthenaClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public func listWorkGroups(_ input: ListWorkGroupsInput = ListWorkGroupsInput()) async throws
        -> ListWorkGroupsOutput
    {
        let operation = "ListWorkGroups"
        try check(input.maxResults, in: 1...50, field: "MaxResults", operation: operation)
        return try await client.json11(.athena, operation: operation, input: input)
    }

    /// Every workgroup's summary page by page.
    public func listWorkGroupsPages(maxResults: Int? = nil) -> TokenPaginator<ListWorkGroupsOutput> {
        TokenPaginator(service: AWSServiceDescriptor.athena.name, operation: "ListWorkGroups") { token in
            try await listWorkGroups(ListWorkGroupsInput(maxResults: maxResults, nextToken: token))
        }
    }

    /// The workgroup's configuration: scan limit, enforcement, result location and encryption.
    public func getWorkGroup(name: String) async throws -> AthenaWorkGroup {
        let operation = "GetWorkGroup"
        try checkWorkGroupName(name, operation: operation)
        let output: GetWorkGroupOutput = try await client.json11(
            .athena, operation: operation, input: GetWorkGroupInput(workGroup: name))
        guard let workGroup = output.workGroup else {
            throw AWSClientError.invalidResponse(
                service: AWSServiceDescriptor.athena.name, operation: operation,
                detail: "no WorkGroup in the response for '\(name)' in \(client.region); check that the workgroup exists")
        }
        return workGroup
    }

    /// One page of query execution ids of a workgroup, newest first in practice.
    public func listQueryExecutions(_ input: ListQueryExecutionsInput = ListQueryExecutionsInput()) async throws
        -> ListQueryExecutionsOutput
    {
        let operation = "ListQueryExecutions"
        try check(input.maxResults, in: 0...50, field: "MaxResults", operation: operation)
        if let workGroup = input.workGroup { try checkWorkGroupName(workGroup, operation: operation) }
        return try await client.json11(.athena, operation: operation, input: input)
    }

    /// A workgroup's query execution ids, page by page.
    public func listQueryExecutionsPages(workGroup: String?, maxResults: Int? = nil)
        -> TokenPaginator<ListQueryExecutionsOutput>
    {
        TokenPaginator(service: AWSServiceDescriptor.athena.name, operation: "ListQueryExecutions") { token in
            try await listQueryExecutions(
                ListQueryExecutionsInput(workGroup: workGroup, maxResults: maxResults, nextToken: token))
        }
    }

    /// Details of 1–50 query executions in one call. Ids in `unprocessedQueryExecutionIds`
    /// are worth asking for again.
    public func batchGetQueryExecution(ids: [String]) async throws -> BatchGetQueryExecutionOutput {
        let operation = "BatchGetQueryExecution"
        guard (1...50).contains(ids.count) else {
            throw invalid("QueryExecutionIds must hold 1–50 ids; got \(ids.count). Split the ids into batches of 50",
                          operation: operation)
        }
        for id in ids { try checkQueryExecutionId(id, operation: operation) }
        return try await client.json11(
            .athena, operation: operation, input: BatchGetQueryExecutionInput(queryExecutionIds: ids))
    }

    public func getQueryExecution(id: String) async throws -> AthenaQueryExecution {
        let operation = "GetQueryExecution"
        try checkQueryExecutionId(id, operation: operation)
        let output: GetQueryExecutionOutput = try await client.json11(
            .athena, operation: operation, input: GetQueryExecutionInput(queryExecutionId: id))
        guard let execution = output.queryExecution else {
            throw AWSClientError.invalidResponse(
                service: AWSServiceDescriptor.athena.name, operation: operation,
                detail: "no QueryExecution in the response for id \(id)")
        }
        return execution
    }

    /// Starts a query and returns its execution id.
    public func startQueryExecution(_ input: StartQueryExecutionInput) async throws -> String {
        let operation = "StartQueryExecution"
        guard (1...262_144).contains(input.queryString.count) else {
            throw invalid("QueryString must be 1–262144 characters long; got \(input.queryString.count)",
                          operation: operation)
        }
        if let token = input.clientRequestToken, !(32...128).contains(token.count) {
            throw invalid("ClientRequestToken must be 32–128 characters long; got \(token.count)", operation: operation)
        }
        if let workGroup = input.workGroup { try checkWorkGroupName(workGroup, operation: operation) }
        let output: StartQueryExecutionOutput = try await client.json11(.athena, operation: operation, input: input)
        guard let id = output.queryExecutionId, !id.isEmpty else {
            throw AWSClientError.invalidResponse(
                service: AWSServiceDescriptor.athena.name, operation: operation, detail: "no QueryExecutionId in the response")
        }
        return id
    }

    /// One page of a finished query's rows.
    public func getQueryResults(_ input: GetQueryResultsInput) async throws -> GetQueryResultsOutput {
        let operation = "GetQueryResults"
        try checkQueryExecutionId(input.queryExecutionId, operation: operation)
        try check(input.maxResults, in: 1...1000, field: "MaxResults", operation: operation)
        return try await client.json11(.athena, operation: operation, input: input)
    }

    /// A finished query's rows, page by page.
    public func getQueryResultsPages(queryExecutionId: String, maxResults: Int? = nil)
        -> TokenPaginator<GetQueryResultsOutput>
    {
        TokenPaginator(service: AWSServiceDescriptor.athena.name, operation: "GetQueryResults") { token in
            try await getQueryResults(
                GetQueryResultsInput(queryExecutionId: queryExecutionId, maxResults: maxResults, nextToken: token))
        }
    }

    // MARK: Validation

    private static let workGroupNameCharacters = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")

    private func check(_ value: Int?, in range: ClosedRange<Int>, field: String, operation: String) throws {
        guard let value, !range.contains(value) else { return }
        throw invalid("\(field) must be between \(range.lowerBound) and \(range.upperBound); got \(value)",
                      operation: operation)
    }

    private func checkWorkGroupName(_ name: String, operation: String) throws {
        guard (1...128).contains(name.count), name.allSatisfy(Self.workGroupNameCharacters.contains) else {
            throw invalid("WorkGroup '\(name)' must be 1–128 letters, digits, '.', '_' or '-'", operation: operation)
        }
    }

    private func checkQueryExecutionId(_ id: String, operation: String) throws {
        guard (1...128).contains(id.count), !id.contains(where: \.isWhitespace) else {
            throw invalid("QueryExecutionId '\(id)' must be 1–128 characters without spaces", operation: operation)
        }
    }

    private func invalid(_ detail: String, operation: String) -> AWSClientError {
        .invalidRequest(service: AWSServiceDescriptor.athena.name, operation: operation, detail: detail)
    }
}
