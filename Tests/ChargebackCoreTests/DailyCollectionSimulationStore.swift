import AWSServices
import Foundation

/// What one incremental collection did.
struct DailyCollectionRun {
    /// ListQueryExecutions pages fetched.
    var listPages = 0
    /// BatchGetQueryExecution calls made.
    var batchCalls = 0
    /// Executions stored for the first time.
    var newExecutions = 0
}

/// The simulation's stand-in for the collector's store: executions by id, filled by an
/// incremental collect that reads the history newest first and stops paging at the first page
/// it has already stored entirely.
struct DailyCollectionStore {
    static let pageSize = 50

    private(set) var executions: [String: AthenaQueryExecution] = [:]

    mutating func collect(_ athena: AthenaClient, workGroup: String) async throws -> DailyCollectionRun {
        var run = DailyCollectionRun()
        var unseen: [String] = []
        for try await page in athena.listQueryExecutionsPages(workGroup: workGroup, maxResults: Self.pageSize) {
            run.listPages += 1
            let fresh = page.queryExecutionIds.filter { executions[$0] == nil }
            // Newest first: a page with nothing new means every older page was stored by an earlier run.
            if fresh.isEmpty { break }
            unseen += fresh
        }
        for start in stride(from: 0, to: unseen.count, by: Self.pageSize) {
            let batch = Array(unseen[start..<min(start + Self.pageSize, unseen.count)])
            let output = try await athena.batchGetQueryExecution(ids: batch)
            run.batchCalls += 1
            if let refused = output.unprocessedQueryExecutionIds.first {
                throw DailyCollectionError(
                    "BatchGetQueryExecution did not return execution \(refused.queryExecutionId ?? "?") it had just listed "
                        + "(\(refused.errorCode ?? "no code"): \(refused.errorMessage ?? "no message"))")
            }
            for execution in output.queryExecutions {
                guard let id = execution.queryExecutionId else {
                    throw DailyCollectionError("BatchGetQueryExecution returned an execution without a QueryExecutionId")
                }
                if executions.updateValue(execution, forKey: id) == nil { run.newExecutions += 1 }
            }
        }
        return run
    }
}

struct DailyCollectionError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = "daily collection simulation: \(description)"
    }
}
