import AWSCore
import AWSServices
import ChargebackModel
import ChargebackStore
import Foundation
import Logging
import Synchronization

/// `chargeback collect`: takes the role chain into every business unit's account, brings home
/// its Athena history and Cost Explorer costs, and the central account's Quick costs and
/// inventory, into the store. Business units run concurrently (bounded) and their calls are
/// paced per account; one unit failing never stops the others.
///
/// A unit's Athena history is the part AWS's quotas bound, and `concurrency` units list theirs at
/// a time. Up to as many more units meanwhile take the role chain and read their workgroups (so
/// a unit starts listing the moment a slot frees) or write their results to the store.
public struct Collector: Sendable {
    public var config: ChargebackConfig
    public var chain: RoleChain
    /// Acts in the central account (base credentials or the central cost role).
    public var central: AWSClient
    public var store: ChargebackStore
    /// Business units listing their Athena history at once.
    public var concurrency: Int
    public var progress: CollectProgress
    public var now: @Sendable () -> Date
    public var logger: Logger
    /// What cancelled the run, when it is cancelled: `deadline` (its `--timeout`) unless the
    /// caller knows better (a signal). Recorded with the run and in each unfinished outcome.
    public var stopCause: @Sendable () -> String = { "deadline" }

    public init(config: ChargebackConfig, chain: RoleChain, central: AWSClient, store: ChargebackStore,
                concurrency: Int = 8, progress: CollectProgress = CollectProgress(),
                now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "chargeback.collect")) {
        // Count every request at the transport: the chain's (STS, and every BU client made from
        // it) and the central account's.
        var chain = chain
        chain.client.http = CountingHTTPClient.counting(chain.client.http, with: progress.requests)
        var central = central
        central.http = CountingHTTPClient.counting(central.http, with: progress.requests)
        self.config = config
        self.chain = chain
        self.central = central
        self.store = store
        self.concurrency = concurrency
        self.progress = progress
        self.now = now
        self.logger = logger
    }

    /// Runs one collect and records it in the store. Throws only when the store itself fails;
    /// every AWS failure becomes an outcome.
    public func run(_ plan: CollectPlan) async throws -> CollectionRun {
        precondition(!plan.months.isEmpty, "a collect covers at least one month")
        var run = CollectionRun(id: Self.runId(at: now()), month: plan.months[0], since: plan.since, startedAt: now())
        try store.begin(run, lastMonth: plan.months[plan.months.count - 1])
        progress.start(units: config.businessUnits.count + 1)

        let runId = run.id
        async let centralOutcome = collectCentral(plan, runId: runId)
        let listingSlots = AsyncSemaphore(permits: max(1, concurrency))
        let unitOutcomes = await concurrentMap(config.businessUnits, limit: 2 * max(1, concurrency)) { unit in
            await collectUnit(unit, plan: plan, runId: runId, listingSlots: listingSlots)
        }
        run.outcomes = unitOutcomes + [await centralOutcome]
        run.endedAt = now()
        run.requests = progress.requests.requests
        run.throttled = progress.requests.throttled
        run.costExplorerRequests = run.outcomes.reduce(0) { $0 + $1.costExplorerRequests }
        if Task.isCancelled { run.stoppedBy = stopCause() }
        try store.finish(run)
        return run
    }

    static func runId(at date: Date) -> String {
        let stamp = ISO8601DateFormatter().string(from: date).replacingOccurrences(of: ":", with: "")
        return stamp + "-" + String(format: "%08x", UInt32.random(in: 0...UInt32.max))
    }
}

// MARK: Business units

extension Collector {
    func collectUnit(_ unit: BusinessUnitConfig, plan: CollectPlan, runId: String,
                     listingSlots: AsyncSemaphore) async -> CollectionOutcome {
        let counter = RequestCounter()
        let pages = PageCounter()
        let stored = StoredCounter()
        var fetched = 0
        func outcome(_ status: CollectionStatus, _ error: String?) -> CollectionOutcome {
            CollectionOutcome(scope: unit.id, status: status, error: error, executionsFetched: fetched,
                              requests: counter.requests, costExplorerRequests: pages.count)
        }
        defer { progress.unitFinished() }

        var counted = chain.session(for: unit)
        counted.countRequests(with: counter)
        let session = counted
        // Identity first: nothing is collected from an account that is not the unit's.
        do {
            try await session.verifyAccount()
        } catch {
            return await record(outcome(.failed, CollectFailure.roleChain.message(Self.oneLine(error))), runId: runId)
        }

        var batch = BusinessUnitBatch()
        var failures: [String] = []
        var succeeded = 0
        let regions = await concurrentMap(unit.regions, limit: unit.regions.count) { region in
            await discoverRegion(region, unit: unit, session: session)
        }
        for region in regions {
            batch.workgroups += region.workgroups
            failures += region.failures
        }
        if let configured = unit.workgroups {
            let found = Set(batch.workgroups.map(\.name))
            for name in configured where !found.contains(name) {
                failures.append(CollectFailure.workgroupNotFound.message(region: unit.regions.joined(separator: ", "), workgroup: name))
            }
        }

        do {
            try await listingSlots.acquire()
        } catch {
            return await record(outcome(.failed, CollectFailure.stoppedBeforeListing.message()), runId: runId)
        }
        // The slot goes back as soon as every workgroup's listing is over, before the last details arrive.
        let slot = ListingSlot(listingSlots, listings: regions.reduce(0) { $0 + $1.workgroups.count })
        let costExplorer = CostExplorerCollector(
            costExplorer: CostExplorerClient(client: session.client(region: unit.regions[0])), store: store, pages: pages)
        async let costs = collectCosts(costExplorer, plan: plan) { month in
            CostExplorerCollector.Request.consumer(unit, month: month, config: config)
        }
        let histories = await concurrentMap(regions, limit: regions.count) { region in
            await collectHistory(region, unit: unit, plan: plan, storedCount: stored, onListingEnd: slot.listingEnded)
        }
        slot.release()
        for history in histories {
            batch.executions += history.executions
            batch.coverage += history.coverage
            failures += history.failures
            succeeded += history.coverage.count
        }
        fetched = stored.count + batch.executions.count
        let costResults = await costs
        batch.costResults = costResults.results
        failures += costResults.failures
        succeeded += costResults.months

        do {
            let store = self.store
            let collected = batch
            try await Self.uncancelled { try await store.save(collected) }
        } catch {
            return await record(outcome(.failed, CollectFailure.store.message("\(error)")), runId: runId)
        }
        if failures.isEmpty { return await record(outcome(.complete, nil), runId: runId) }
        return await record(outcome(succeeded > 0 ? .partial : .failed, failures.joined(separator: "; ")), runId: runId)
    }

    /// Cost Explorer costs month by month, for a unit or the central account: the results fetched
    /// (a final month already stored is not fetched again), the months that succeeded, and the failures.
    /// `request` is nil for a month that needs no request.
    func collectCosts(_ costs: CostExplorerCollector, plan: CollectPlan,
                      request: (BillingMonth) async throws -> CostExplorerCollector.Request?) async
        -> (results: [CostResult], months: Int, failures: [String])
    {
        var results: [CostResult] = []
        var months = 0
        var failures: [String] = []
        for month in plan.months {
            do {
                if let request = try await request(month), let result = try await costs.collect(request, now: now()) {
                    results.append(result)
                }
                months += 1
            } catch {
                failures.append(CollectFailure.costExplorer.message(Self.oneLine(error), month: month))
            }
        }
        return (results, months, failures)
    }

    /// One region's workgroups (the configured ones, or every enabled one) with their settings.
    struct RegionWorkgroups: Sendable {
        var region: String
        var athena: AthenaClient
        var workgroups: [AthenaWorkgroup] = []
        var failures: [String] = []
    }

    struct HistoryResult: Sendable {
        var executions: [AthenaExecution] = []
        var coverage: [AthenaCoverage] = []
        var failures: [String] = []
    }

    func discoverRegion(_ region: String, unit: BusinessUnitConfig, session: BusinessUnitSession) async -> RegionWorkgroups {
        let athena = AthenaClient(client: session.client(region: region))
        var result = RegionWorkgroups(region: region, athena: athena)
        var names: [String] = []
        do {
            for try await page in athena.listWorkGroupsPages(maxResults: 50) {
                for summary in page.workGroups {
                    guard let name = summary.name else { continue }
                    if let configured = unit.workgroups {
                        if configured.contains(name) { names.append(name) }
                    } else if summary.state != .disabled {
                        names.append(name)
                    }
                }
            }
        } catch {
            result.failures.append(CollectFailure.listingWorkgroups.message(Self.oneLine(error), region: region))
            return result
        }
        let settings = await concurrentMap(names.sorted(), limit: 8) { name in
            do {
                return (AthenaWorkgroup(try await athena.getWorkGroup(name: name), accountId: unit.accountId, region: region),
                        nil as String?)
            } catch {
                return (AthenaWorkgroup(accountId: unit.accountId, region: region, name: name),
                        CollectFailure.workgroupSettings.message(Self.oneLine(error), region: region, workgroup: name))
            }
        }
        result.workgroups = settings.map(\.0)
        result.failures = settings.compactMap(\.1)
        return result
    }

    /// The history of every workgroup found in one region.
    func collectHistory(_ region: RegionWorkgroups, unit: BusinessUnitConfig, plan: CollectPlan, storedCount: StoredCounter,
                        onListingEnd: @escaping @Sendable () -> Void) async -> HistoryResult {
        let perWorkgroup = await concurrentMap(region.workgroups.map(\.name), limit: 8) { name -> HistoryResult in
            do {
                let progress = self.progress
                let listingStart = now()
                // A day beyond Athena's retention: anything older can no longer be listed.
                let listable = listingStart.addingTimeInterval(-AthenaHistoryCollector.retention - 86_400)
                let stored = try await store.storedHistory(accountId: unit.accountId, region: region.region, workgroup: name,
                                                           submittedSince: min(plan.since, listable))
                var collector = AthenaHistoryCollector(
                    athena: region.athena, accountId: unit.accountId, region: region.region, workgroup: name,
                    windowStart: plan.since, windowEnd: plan.until, now: listingStart,
                    known: stored.known, previousCoverage: stored.coverage,
                    includeQueryText: plan.includeQueryText, onFetched: { progress.fetched($0) })
                collector.onListingEnd = onListingEnd
                let store = self.store
                collector.onBatch = { executions in
                    try await Self.uncancelled { try await store.saveExecutions(executions) }
                    storedCount.add(executions.count)
                }
                let history = try await collector.collect()
                return HistoryResult(executions: history.executions, coverage: [history.coverage])
            } catch {
                return HistoryResult(failures: [CollectFailure.queryHistory.message(Self.oneLine(error), region: region.region, workgroup: name)])
            }
        }
        var result = HistoryResult()
        for item in perWorkgroup {
            result.executions += item.executions
            result.coverage += item.coverage
            result.failures += item.failures
        }
        return result
    }
}

// MARK: Central account

extension Collector {
    func collectCentral(_ plan: CollectPlan, runId: String) async -> CollectionOutcome {
        let counter = RequestCounter()
        let pages = PageCounter()
        var client = central
        client.http = CountingHTTPClient.counting(client.http, with: counter)
        func outcome(_ status: CollectionStatus, _ error: String?) -> CollectionOutcome {
            CollectionOutcome(scope: CollectionOutcome.centralScope, status: status, error: error,
                              requests: counter.requests, costExplorerRequests: pages.count)
        }
        defer { progress.unitFinished() }

        do {
            let identity = try await STSClient(client: client).getCallerIdentity()
            guard identity.account == config.central.accountId else {
                return await record(outcome(.failed, CollectFailure.centralWrongAccount.message(
                    "\(identity.account), not the configured \(config.central.accountId)")), runId: runId)
            }
        } catch {
            return await record(outcome(.failed, CollectFailure.centralIdentity.message(Self.oneLine(error))), runId: runId)
        }

        var batch = CentralBatch()
        let costExplorer = CostExplorerCollector(costExplorer: CostExplorerClient(client: client), store: store, pages: pages)
        let lookup = QuickServiceNameLookup(costExplorer: costExplorer.costExplorer, accountId: config.central.accountId,
                                            pages: pages)
        // Quick's costs while its inventory (one call per SPICE data set) is read.
        async let costs = collectCosts(costExplorer, plan: plan) { month in
            var service = config.central.quickServiceName
            if service == nil { service = try await lookup.name(for: month, store: store, now: now()) }
            guard let service else { return nil }
            return CostExplorerCollector.Request.central(month: month, config: config, service: service)
        }
        var inventoryFailure: String?
        do {
            let inventory = try await QuickInventoryCollector(quickSight: QuickSightClient(client: client),
                                                              accountId: config.central.accountId).collect()
            batch.dataSources = inventory.dataSources
            batch.dataSets = inventory.dataSets
        } catch {
            inventoryFailure = CollectFailure.quickInventory.message(Self.oneLine(error))
        }
        let costResults = await costs
        batch.costResults = costResults.results
        let failures = costResults.failures + (inventoryFailure.map { [$0] } ?? [])
        let succeeded = costResults.months + (inventoryFailure == nil ? 1 : 0)
        do {
            let store = self.store
            let collected = batch
            try await Self.uncancelled { try await store.save(collected) }
        } catch {
            return await record(outcome(.failed, CollectFailure.store.message("\(error)")), runId: runId)
        }
        if failures.isEmpty { return await record(outcome(.complete, nil), runId: runId) }
        return await record(outcome(succeeded > 0 ? .partial : .failed, failures.joined(separator: "; ")), runId: runId)
    }

    /// Runs a store write to its end even when the run is cancelled (its deadline, a signal): in
    /// a task of its own, which the cancellation does not reach, so what was fetched is kept.
    static func uncancelled(_ write: @escaping @Sendable () async throws -> Void) async throws {
        try await Task { try await write() }.value
    }

    /// Records an outcome as soon as it is known, so a run killed later still shows it.
    func record(_ outcome: CollectionOutcome, runId: String) async -> CollectionOutcome {
        var outcome = outcome
        if Task.isCancelled, outcome.status != .complete {
            let kept = outcome.executionsFetched > 0
                ? ["\(outcome.executionsFetched) executions were stored, the next run goes on from there "
                    + "without fetching them again"]
                : []
            let detail = (kept + [outcome.error].compactMap { $0 }).joined(separator: "; ")
            let cause = stopCause()
            outcome.error = cause == "deadline"
                ? CollectFailure.deadline.message(detail) : CollectFailure.signal.message(detail, signal: cause)
        }
        do {
            // Not cancellable: a run stopped by its deadline must still record every outcome.
            let store = self.store
            let recorded = outcome
            try await runBlocking { try store.record(recorded, runId: runId) }
        } catch {
            logger.error("cannot record the outcome of \(outcome.scope): \(error)")
        }
        return outcome
    }

    /// An error on one line, cut to a readable length.
    static func oneLine(_ error: any Error) -> String {
        // The run's deadline or a signal: the outcome already says which.
        if error is CancellationError { return "stopped before it finished" }
        let text = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.count > 300 ? String(text.prefix(299)) + "…" : text
    }
}

/// Executions of one unit stored while its listing goes on.
final class StoredCounter: Sendable {
    private let value = Mutex(0)
    func add(_ count: Int) { value.withLock { $0 += count } }
    var count: Int { value.withLock { $0 } }
}

/// A unit's turn among the units listing their history: given back once every one of its
/// workgroups has finished listing, or when the unit is done with its history, whichever is first.
final class ListingSlot: Sendable {
    private let semaphore: AsyncSemaphore
    /// Listings still running; nil once the slot is given back.
    private let remaining: Mutex<Int?>

    init(_ semaphore: AsyncSemaphore, listings: Int) {
        self.semaphore = semaphore
        remaining = Mutex(listings)
        if listings == 0 { release() }
    }

    @Sendable func listingEnded() {
        let last = remaining.withLock { count -> Bool in
            guard let current = count else { return false }
            count = current - 1
            return current - 1 <= 0
        }
        if last { release() }
    }

    func release() {
        let first = remaining.withLock { count -> Bool in
            defer { count = nil }
            return count != nil
        }
        if first { semaphore.release() }
    }
}
