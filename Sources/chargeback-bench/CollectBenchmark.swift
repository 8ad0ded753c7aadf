import AWSCore
import AWSSandbox
import AWSServices
import ChargebackCore
import Foundation

/// The real collector on a synthetic organisation at AWS's API quotas: how close a collect gets
/// to the rate the quotas allow, how many requests it makes against the fewest that could do,
/// and how many of them were throttled.
struct CollectBenchmark: Sendable {
    var name: String
    var accounts: Int
    /// Executions each account generates over 60 days (45 of which Athena still lists).
    var executionsPerAccount: Int
    var workgroups: Int
    var concurrency: Int
    var quotas: SandboxOptions.QuotaMode = .aws

    /// The quotas themselves (AWS's figures, without the tool's margin): the yardstick.
    static let quotas = RateLimitTable.awsDefaults.quotas

    func run() async throws -> BenchResult {
        let spec = SyntheticSpec(accounts: accounts, queries: executionsPerAccount, workgroups: workgroups, seed: 11)
        let now = Date()
        let scenario = SandboxScenarios.synthetic(spec, now: now)
        let config = try OrganisationConfig.config(for: scenario)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ChargebackStore(path: folder.appendingPathComponent("store.sqlite").path)

        // The transport sized as the tool sizes it for this many accounts at once.
        return try await withBenchSandbox(scenario, quotas: quotas,
                                          concurrentRequests: AWSAccess.concurrentRequests(forUnits: concurrency)) { sandbox in
            let limits = AWSAccess.rateLimits
            let chain = sandbox.roleChain(retry: RetryPolicy(maxAttempts: 10), rateLimits: quotas == .aws ? limits : nil)
            let clock = sandbox.server.clock
            let collector = Collector(config: config, chain: chain, central: chain.client, store: store,
                                      concurrency: concurrency, now: { clock.now() })
            // The sandbox expands its executions on the first Athena call; keep that out of the timing.
            _ = try await AthenaClient(client: sandbox.client()).listWorkGroups()
            sandbox.server.counters.reset()
            ProcessMemory.resetPeak()

            let plan = CollectPlan.since(now.addingTimeInterval(-45 * 86_400), now: now)
            let (run, seconds) = try await measure { try await collector.run(plan) }
            guard run.status == .complete else {
                throw BenchError("\(name): the collect was \(run.status.rawValue): \(run.outcomes.compactMap(\.error).prefix(3))")
            }

            // The fewest requests that collect these executions: per workgroup a list page and a
            // BatchGet per 50 executions and its settings; per account ListWorkGroups, the two
            // AssumeRoles, GetCallerIdentity and one Cost Explorer request per month.
            var executions = 0
            var minimum = 0
            var slowestAccountPages = 0
            for unit in config.businessUnits {
                var accountPages = 0
                // Each month's executions read once, counted per workgroup.
                var perWorkgroup: [String: Int] = [:]
                for month in plan.months {
                    for execution in try store.executions(accountId: unit.accountId, regions: unit.regions, month: month) {
                        perWorkgroup[execution.workgroup, default: 0] += 1
                    }
                }
                for workgroup in try store.workgroups(accountId: unit.accountId, regions: unit.regions) {
                    let count = perWorkgroup[workgroup.name] ?? 0
                    executions += count
                    let pages = max(1, (count + 49) / 50)
                    accountPages += pages
                    minimum += 2 * pages + 1
                }
                minimum += 4 + plan.months.count
                slowestAccountPages = max(slowestAccountPages, accountPages)
            }
            let received = config.businessUnits.reduce(0) { total, unit in
                total + ["ListQueryExecutions", "BatchGetQueryExecution", "ListWorkGroups", "GetWorkGroup"].reduce(0) {
                    $0 + sandbox.server.counters.requests(service: "athena", operation: $1, account: unit.accountId)
                } + sandbox.server.counters.requests(service: "ce", operation: "GetCostAndUsage", account: unit.accountId)
                    + sandbox.server.counters.requests(service: "sts", operation: "GetCallerIdentity", account: unit.accountId)
            } + 2 * config.businessUnits.count   // AssumeRole: counted against the central account
            // The least time the quotas allow, over every sequence of calls one quota paces:
            // - Athena: accounts are paced independently; ListQueryExecutions (5/s, burst 10) allows
            //   the slowest account's pages in (pages - burst) / rate, `concurrency` accounts at a time.
            // - The central account's Quick inventory: one DescribeDataSet per SPICE data set, all
            //   in one account (10/s, burst 20), running beside the Athena collection.
            let waves = Double((accounts + concurrency - 1) / concurrency)
            let athenaSeconds = waves * Self.quotaSeconds(calls: slowestAccountPages, quota: "athena:ListQueryExecutions")
            let spiceDataSets = scenario.accounts.reduce(0) { $0 + $1.quickDataSets.filter { $0.importMode == "SPICE" }.count }
            let quickSeconds = Self.quotaSeconds(calls: spiceDataSets, quota: "quicksight:DescribeDataSet")
            let quotaSeconds = max(athenaSeconds, quickSeconds)
            let throttled = try await sandbox.harness.controlCounters().throttledTotal
            return BenchResult(name: name, unit: "executions", count: executions, wallSeconds: seconds,
                               peakRSSKiB: ProcessMemory.peakResidentKiB(), figures: [
                                   "accounts": accounts, "concurrency": concurrency,
                                   "quota_limited_seconds_x1000": Int(quotaSeconds * 1000),
                                   "athena_floor_seconds_x1000": Int(athenaSeconds * 1000),
                                   "quick_floor_seconds_x1000": Int(quickSeconds * 1000),
                                   "percent_of_athena_floor": seconds > 0 ? Int((athenaSeconds / seconds * 100).rounded()) : 0,
                                   "percent_of_quota_limit": seconds > 0 ? Int((quotaSeconds / seconds * 100).rounded()) : 0,
                                   "requests": run.requests, "requests_received_bu_accounts": received,
                                   "requests_minimum": minimum,
                                   "requests_per_minimum_x1000": minimum > 0 ? received * 1000 / minimum : 0,
                                   "throttled": throttled,
                                   "throttled_per_mille": run.requests > 0 ? throttled * 1000 / run.requests : 0,
                                   "cost_explorer_requests": run.costExplorerRequests,
                               ])
        }
    }

    /// Seconds a quota needs for `calls` calls made one after another in one account: what the
    /// burst does not cover, at the quota's rate.
    static func quotaSeconds(calls: Int, quota name: String) -> Double {
        guard let quota = quotas[name] else { return 0 }
        return max(0, Double(calls - quota.burst)) / quota.ratePerSecond
    }
}
