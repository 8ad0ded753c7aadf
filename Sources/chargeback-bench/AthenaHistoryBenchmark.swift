import AWSCore
import AWSSandbox
import AWSServices
import ChargebackCore
import Foundation

/// The collector's future hot path: every BU's workgroups (ListWorkGroups), then each workgroup's
/// history, ListQueryExecutions pages of 50 ids each followed by one BatchGetQueryExecution of
/// those ids, with `concurrency` workgroups pulled at once, each BU through its own role chain.
struct AthenaHistoryBenchmark: Sendable {
    var name: String
    var businessUnits: Int
    var workgroups: Int
    /// Executions the synthetic organisation generates per workgroup over 60 days; the sandbox
    /// lists those of the last 45 days, as Athena does.
    var executionsPerWorkgroup: Int
    var quotas: SandboxOptions.QuotaMode
    var retry: RetryPolicy
    var concurrency: Int
    /// The client-side limits each account's calls are paced to, as the tool runs; nil sends at once.
    var rateLimits: RateLimitTable? = nil

    /// One workgroup of one BU: the unit pulled sequentially, page after page.
    private struct Stream: Sendable {
        var session: BusinessUnitSession
        var region: String
        var workgroup: String
    }

    /// What one stream fetched.
    private struct Tally: Sendable {
        var executions = 0
        var listPages = 0
        var batchGets = 0
        var unprocessed = 0
        /// Executions returned that were not asked for, or from another workgroup.
        var strays = 0
        var scannedBytes: Int64 = 0
        var failedWorkgroups = 0
        var firstFailure: String?

        static func + (lhs: Tally, rhs: Tally) -> Tally {
            Tally(executions: lhs.executions + rhs.executions, listPages: lhs.listPages + rhs.listPages,
                  batchGets: lhs.batchGets + rhs.batchGets, unprocessed: lhs.unprocessed + rhs.unprocessed,
                  strays: lhs.strays + rhs.strays, scannedBytes: lhs.scannedBytes + rhs.scannedBytes,
                  failedWorkgroups: lhs.failedWorkgroups + rhs.failedWorkgroups,
                  firstFailure: lhs.firstFailure ?? rhs.firstFailure)
        }
    }

    func run() async throws -> BenchResult {
        let spec = SyntheticSpec(accounts: businessUnits, queries: executionsPerWorkgroup * workgroups,
                                 workgroups: workgroups, seed: 7)
        let scenario = SandboxScenarios.synthetic(spec, now: Date())
        let config = try OrganisationConfig.config(for: scenario)
        return try await withBenchSandbox(scenario, quotas: quotas) { sandbox in
            let chain = sandbox.roleChain(retry: retry, rateLimits: rateLimits)
            let sessions = config.businessUnits.map(chain.session(for:))
            // The sandbox expands its executions on the first Athena call; keep that out of the timing.
            _ = try await AthenaClient(client: sandbox.client()).listWorkGroups()
            sandbox.server.counters.reset()
            let residentBefore = ProcessMemory.residentKiB()
            ProcessMemory.resetPeak()

            let (tally, seconds) = try await measure { try await pull(sessions) }
            if let failure = tally.firstFailure {
                FileHandle.standardError.write(Data(
                    "chargeback-bench: \(name): \(tally.failedWorkgroups) workgroup pull(s) failed; the first: \(failure)\n".utf8))
            }
            guard tally.strays == 0 else {
                throw BenchError("\(name): BatchGetQueryExecution returned \(tally.strays) executions that were not asked for")
            }
            guard tally.scannedBytes > 0 || tally.executions == 0 else {
                throw BenchError("\(name): \(tally.executions) executions but no bytes scanned in any of them")
            }
            let throttled = try await sandbox.throttledCalls()
            // Requests as the sandbox saw them, throttled attempts included.
            func received(_ operation: String) -> Int {
                config.businessUnits.reduce(0) {
                    $0 + sandbox.server.counters.requests(service: "athena", operation: operation, account: $1.accountId)
                }
            }
            var figures = [
                "executions_generated": businessUnits * workgroups * executionsPerWorkgroup,
                "list_pages": tally.listPages,
                "batch_gets": tally.batchGets,
                "list_requests_received": received("ListQueryExecutions"),
                "batch_get_requests_received": received("BatchGetQueryExecution"),
                "unprocessed_ids": tally.unprocessed,
                "throttles": throttled.values.reduce(0, +),
                "throttles_list_query_executions": throttled["athena:ListQueryExecutions"] ?? 0,
                "throttles_batch_get": throttled["athena:BatchGetQueryExecution"] ?? 0,
                "failed_workgroups": tally.failedWorkgroups,
                "concurrency": concurrency,
                "rate_limit_percent": rateLimits.map { Int(($0.safetyFactor * 100).rounded()) } ?? 0,
                "assume_role_calls": sandbox.centralAssumeRoleCalls,
            ]
            figures["rss_before_kib"] = residentBefore
            return BenchResult(name: name, unit: "executions", count: tally.executions, wallSeconds: seconds,
                               peakRSSKiB: ProcessMemory.peakResidentKiB(), figures: figures)
        }
    }

    private func pull(_ sessions: [BusinessUnitSession]) async throws -> Tally {
        let limit = concurrency
        let discovered = await concurrentMap(sessions, limit: limit) { session -> Result<[Stream], any Error> in
            let region = session.unit.regions[0]
            do {
                let names = try await AthenaClient(client: session.client(region: region))
                    .listWorkGroupsPages(maxResults: 50).items.collect().compactMap(\.name)
                return .success(names.map { Stream(session: session, region: region, workgroup: $0) })
            } catch {
                return .failure(error)
            }
        }
        let streams = try discovered.flatMap { try $0.get() }
        guard streams.count == businessUnits * workgroups else {
            throw BenchError("\(name): found \(streams.count) workgroups, expected \(businessUnits * workgroups)")
        }
        let tallies = await concurrentMap(streams, limit: limit) { stream in await Self.pull(stream) }
        return tallies.reduce(Tally(), +)
    }

    private static func pull(_ stream: Stream) async -> Tally {
        let athena = AthenaClient(client: stream.session.client(region: stream.region))
        var tally = Tally()
        do {
            for try await page in athena.listQueryExecutionsPages(workGroup: stream.workgroup, maxResults: 50) {
                tally.listPages += 1
                guard !page.queryExecutionIds.isEmpty else { continue }
                let batch = try await athena.batchGetQueryExecution(ids: page.queryExecutionIds)
                tally.batchGets += 1
                tally.unprocessed += batch.unprocessedQueryExecutionIds.count
                let asked = Set(page.queryExecutionIds)
                for execution in batch.queryExecutions {
                    guard let id = execution.queryExecutionId, asked.contains(id),
                          execution.workGroup == stream.workgroup else {
                        tally.strays += 1
                        continue
                    }
                    tally.executions += 1
                    tally.scannedBytes += execution.statistics?.dataScannedInBytes ?? 0
                }
            }
        } catch {
            tally.failedWorkgroups = 1
            tally.firstFailure = "\(stream.session.unit.id)/\(stream.workgroup): \(error)"
        }
        return tally
    }
}
