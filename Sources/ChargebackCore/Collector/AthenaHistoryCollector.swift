import AWSCore
import AWSServices
import ChargebackModel
import ChargebackStore
import Foundation

/// Collects one workgroup's query history incrementally. Athena lists executions newest first
/// and keeps 45 days of them; the store keeps what was collected, and remembers the span over
/// which a workgroup's history is complete, so a daily run pages only through what is new.
struct AthenaHistoryCollector: Sendable {
    /// How long Athena keeps query history.
    static let retention: TimeInterval = 45 * 86_400
    /// ListQueryExecutions and BatchGetQueryExecution take at most 50 ids.
    static let pageSize = 50
    /// Attempts at ids BatchGetQueryExecution leaves unprocessed before giving up on them.
    static let unprocessedAttempts = 3

    let athena: AthenaClient
    let accountId: String
    let region: String
    let workgroup: String
    /// Executions submitted from here on are wanted.
    let windowStart: Date
    /// The period's end, if it has one: stored executions after it are not refreshed.
    let windowEnd: Date?
    /// When the listing starts: everything submitted before it is listed.
    let now: Date
    /// What the store already holds of this workgroup.
    let known: [String: KnownExecution]
    let previousCoverage: AthenaCoverage?
    let includeQueryText: Bool
    /// Hears how many executions each batch fetched, for progress.
    let onFetched: @Sendable (Int) -> Void
    /// Hears, once, that the listing (the part the ListQueryExecutions quota paces) is over: the
    /// last page came, or the listing reached what is stored. Details may still be fetched.
    var onListingEnd: @Sendable () -> Void = {}
    /// Stores executions while the listing goes on, `writeBatch` at a time, and once more with
    /// what was fetched when the collect stops on an error or cancellation; nil keeps them all
    /// for the result.
    var onBatch: (@Sendable ([AthenaExecution]) async throws -> Void)?
    static let writeBatch = 2_000

    struct Result: Sendable {
        /// The executions fetched and not yet handed to `onBatch`.
        var executions: [AthenaExecution]
        var coverage: AthenaCoverage
    }

    func collect() async throws -> Result {
        var unwritten = UnwrittenExecutions(onBatch: onBatch)
        do {
            return try await collect(into: &unwritten)
        } catch {
            // Keep what was fetched: the next run will not ask for it again.
            try? await unwritten.flush()
            throw error
        }
    }

    /// The executions fetched and not yet stored, with when each fetched one was submitted.
    struct UnwrittenExecutions {
        let onBatch: (@Sendable ([AthenaExecution]) async throws -> Void)?
        var executions: [AthenaExecution] = []
        var submitted: [String: Date] = [:]

        mutating func add(_ fetched: [AthenaExecution]) async throws {
            // An id is asked for once per collect (the listing and the pending refresh skip those
            // already fetched), so each execution is appended once.
            for execution in fetched where submitted.updateValue(execution.submittedAt, forKey: execution.id) == nil {
                executions.append(execution)
            }
            if executions.count >= AthenaHistoryCollector.writeBatch { try await flush() }
        }

        mutating func flush() async throws {
            guard let onBatch, !executions.isEmpty else { return }
            try await onBatch(executions)
            executions = []
        }
    }

    private func collect(into unwritten: inout UnwrittenExecutions) async throws -> Result {
        var ending = ListingEnd.exhausted
        var listingEnded = false
        func endListing() {
            guard !listingEnded else { return }
            listingEnded = true
            onListingEnd()
        }

        // The next page is asked for while this page's details are fetched, whenever nothing on
        // this page was stored: the listing then almost surely goes on, and the account's
        // ListQueryExecutions quota, not the round trips, sets the pace.
        var iterator = athena.listQueryExecutionsPages(workGroup: workgroup, maxResults: Self.pageSize).makeAsyncIterator()
        var upcoming: Task<PageStep, any Error>? = Self.nextPage(of: iterator)
        defer { upcoming?.cancel() }
        listing: while let step = try await upcoming?.value {
            upcoming = nil
            iterator = step.iterator
            guard let page = step.page else { break listing }
            if page.nextToken == nil { endListing() }
            let ids = page.queryExecutionIds
            // Unknown ids, and stored ones that were still running in the period (they may have finished).
            let wanted = ids.filter { id in
                guard unwritten.submitted[id] == nil else { return false }
                guard let stored = known[id] else { return true }
                return !stored.isFinal && stored.submittedAt < (windowEnd ?? .distantFuture)
            }
            let nothingStored = !ids.isEmpty && ids.allSatisfy { known[$0] == nil }
            if nothingStored { upcoming = Self.nextPage(of: iterator) }
            try await unwritten.add(try await batchGet(wanted))

            // Where this page sits in time: a stored execution the previous listing saw joins
            // this listing to the stored history; one older than the window ends the need to page.
            for id in ids {
                let submitted = unwritten.submitted[id] ?? known[id]?.submittedAt
                if let previous = previousCoverage, let stored = known[id], stored.submittedAt <= previous.to,
                   previous.from <= windowStart || previous.from <= now.addingTimeInterval(-Self.retention) {
                    ending = .joinedStoredHistory(previous)
                    break listing
                }
                if let submitted, submitted < windowStart {
                    ending = .passedWindowStart
                    break listing
                }
            }
            if upcoming == nil { upcoming = Self.nextPage(of: iterator) }
        }

        endListing()

        // Stored executions that were still queued or running may have finished since.
        let pending = known.filter { id, execution in
            !execution.isFinal && execution.submittedAt >= windowStart && unwritten.submitted[id] == nil
                && execution.submittedAt < (windowEnd ?? .distantFuture)
        }.keys.sorted()
        try await unwritten.add(try await batchGet(pending, tolerateMissing: true))

        let executions = unwritten.executions.sorted { ($0.submittedAt, $0.id) > ($1.submittedAt, $1.id) }
        return Result(executions: executions, coverage: coverage(after: ending))
    }

    /// A listed page and the iterator that has moved past it (nil page: the listing is over).
    struct PageStep: Sendable {
        var page: ListQueryExecutionsOutput?
        var iterator: TokenPaginator<ListQueryExecutionsOutput>.Iterator
    }

    /// Fetches the page after `iterator` in a task of its own.
    static func nextPage(of iterator: TokenPaginator<ListQueryExecutionsOutput>.Iterator) -> Task<PageStep, any Error> {
        Task {
            var iterator = iterator
            let page = try await iterator.next()
            return PageStep(page: page, iterator: iterator)
        }
    }

    /// Why the listing stopped.
    enum ListingEnd {
        /// Athena had no more pages: its whole retained history was listed.
        case exhausted
        /// The listing reached executions older than the window.
        case passedWindowStart
        /// The listing reached executions an earlier, complete listing had stored.
        case joinedStoredHistory(AthenaCoverage)
    }

    /// The span over which the store now holds this workgroup's complete history.
    func coverage(after ending: ListingEnd) -> AthenaCoverage {
        var from: Date
        switch ending {
        case let .joinedStoredHistory(previous): from = previous.from
        case .passedWindowStart: from = windowStart
        case .exhausted: from = now.addingTimeInterval(-Self.retention)
        }
        if let previous = previousCoverage, previous.to >= from { from = min(from, previous.from) }
        return AthenaCoverage(accountId: accountId, region: region, workgroup: workgroup, from: from, to: now)
    }

    /// Details of `ids` in batches of 50, asking again for ids Athena left unprocessed.
    /// `tolerateMissing`: ids Athena no longer knows (aged out of its history) are skipped.
    private func batchGet(_ ids: [String], tolerateMissing: Bool = false) async throws -> [AthenaExecution] {
        var executions: [AthenaExecution] = []
        for start in stride(from: 0, to: ids.count, by: Self.pageSize) {
            var remaining = Array(ids[start..<min(start + Self.pageSize, ids.count)])
            var attempt = 0
            while !remaining.isEmpty {
                attempt += 1
                let output = try await athena.batchGetQueryExecution(ids: remaining)
                for execution in output.queryExecutions {
                    guard let converted = AthenaExecution(execution, accountId: accountId, region: region,
                                                          workgroup: workgroup, includeQueryText: includeQueryText)
                    else {
                        throw AWSClientError.invalidResponse(
                            service: "Athena", operation: "BatchGetQueryExecution",
                            detail: "an execution without a QueryExecutionId or SubmissionDateTime in \(region)/\(workgroup)")
                    }
                    executions.append(converted)
                }
                onFetched(output.queryExecutions.count)
                let unprocessed = output.unprocessedQueryExecutionIds
                remaining = unprocessed.compactMap(\.queryExecutionId)
                if !remaining.isEmpty, attempt >= Self.unprocessedAttempts {
                    if tolerateMissing { break }
                    let first = unprocessed[0]
                    throw AWSClientError.invalidResponse(
                        service: "Athena", operation: "BatchGetQueryExecution",
                        detail: "\(remaining.count) listed executions stayed unprocessed after \(attempt) attempts in "
                            + "\(region)/\(workgroup), e.g. \(first.queryExecutionId ?? "?") "
                            + "(\(first.errorCode ?? "no code"): \(first.errorMessage ?? "no message"))")
                }
            }
        }
        return executions
    }
}
