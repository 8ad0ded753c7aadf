import AWSCore
import AWSSandbox
import AWSServices
import ChargebackCore
import Foundation
import Testing

/// Athena keeps 45 days of query history, so a daily incremental collect must build the
/// complete history in the store. Sixty simulated days are played against the sandbox's clock.
@Suite("Daily collection: 60 simulated days against Athena's 45-day history", .timeLimit(.minutes(3)))
struct DailyCollectionSimulationTests {
    typealias Organisation = DailyCollectionSimulationScenario

    static let simulatedDays = 60

    @Test("daily incremental collects keep every execution, page little, and refresh the role chain each day",
          .timeLimit(.minutes(3)))
    func sixtyDaysOfDailyCollection() async throws {
        let executions = Organisation.executions()
        let config = try Organisation.config()
        let unit = try #require(config.businessUnit(id: Organisation.unitId))
        let folder = try StoreFolder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))

        try await withSandbox(scenario: Organisation.scenario(), frozenClock: true) { sandbox in
            let clock = sandbox.clock
            let collector = Collector(config: config, chain: sandbox.chain(runAsRoleArn: config.central.runAsRoleArn?.text),
                                      central: sandbox.client(), store: store, now: { clock.now() })
            let calls = AthenaCallCounter(counters: sandbox.counters, account: unit.accountId)
            var firstHorizon: Date?
            var lastCollected: Date?
            var listPages = 0
            var batchCalls = 0

            for day in 1...Self.simulatedDays {
                sandbox.clock.advance(by: Organisation.day)
                let callsBefore = calls.snapshot()
                let storedBefore = try store.executionCount()
                let window = try await Self.quietWindow(executions, clock: sandbox.clock) {
                    try await collector.run(.since(Organisation.date(day: 0), now: clock.now()))
                }
                let run = window.result
                #expect(run.outcomes.first { $0.scope == unit.id }?.status == .complete,
                        "day \(day): \(String(describing: run.outcomes.first?.error))")
                let newExecutions = try store.executionCount() - storedBefore
                // Everything submitted since the previous run, or the whole retained history on the first.
                let since = lastCollected ?? window.start.addingTimeInterval(-Organisation.retention)
                let expectedNew = executions.filter {
                    $0.submitted <= window.start && (lastCollected == nil ? $0.submitted >= since : $0.submitted > since)
                }.count
                #expect(newExecutions == expectedNew, "day \(day): stored \(newExecutions) new executions, expected \(expectedNew)")
                let callsAfter = calls.snapshot()
                let pages = callsAfter.list - callsBefore.list
                // One page per 50 new executions, plus the page that proves the rest is already stored.
                let pageBound = (expectedNew + 49) / 50 + 1
                #expect(pages <= pageBound, "day \(day): \(pages) ListQueryExecutions pages for \(expectedNew) new executions")

                firstHorizon = firstHorizon ?? since
                lastCollected = window.start
                listPages += pages
                batchCalls += callsAfter.batchGet - callsBefore.batchGet
            }

            let assumeRoleCalls = sandbox.assumeRoleCalls()

            // (1) Nothing was lost: the store holds exactly what was submitted from the first
            // run's retention horizon to the last run, though the sandbox never showed more than 45 days.
            let horizon = try #require(firstHorizon)
            let end = try #require(lastCollected)
            let expected = executions.filter { $0.submitted >= horizon && $0.submitted <= end }
            #expect(end.timeIntervalSince(horizon) > 2 * Organisation.retention)
            var stored: [String: AthenaExecution] = [:]
            var month = BillingMonth(containing: horizon)
            while month <= BillingMonth(containing: end) {
                for execution in try store.executions(accountId: unit.accountId, regions: unit.regions, month: month) {
                    #expect(stored.updateValue(execution, forKey: execution.id) == nil, "\(execution.id) stored twice")
                }
                month = month.next
            }
            let missing = expected.filter { stored[$0.id] == nil }
            #expect(missing.count == 0, "\(missing.count) executions were never collected, the first submitted \(String(describing: missing.first?.submitted))")
            #expect(stored.count == expected.count, "\(stored.count - expected.count + missing.count) stored executions are outside the collected period")
            #expect(executions.contains { $0.submitted > end })
            let misreported = expected.filter { execution in
                guard let stored = stored[execution.id] else { return false }
                return stored.state.text != execution.state || stored.statementType != execution.statementType
                    || stored.submittedAt != execution.submitted
            }
            #expect(misreported.count == 0, "\(misreported.count) stored executions differ from the scenario, e.g. \(String(describing: misreported.first))")
            #expect(stored.values.contains { $0.statementType == "DDL" })
            #expect(stored.values.contains { $0.state == .failed })
            #expect(stored.values.contains { $0.state == .cancelled })

            // (2) Retention: executions older than 45 days can no longer be fetched, yet the store holds them.
            let retainedFrom = end.addingTimeInterval(-Organisation.retention)
            let expired = expected.filter { $0.submitted < retainedFrom }
            #expect(expired.count > 500)
            let oldest = try #require(expired.first)
            let athena = AthenaClient(client: sandbox.chain(runAsRoleArn: config.central.runAsRoleArn?.text)
                .session(for: unit).client(region: Organisation.region))
            let lookup = try await athena.batchGetQueryExecution(ids: [oldest.id])
            #expect(lookup.queryExecutions.isEmpty)
            #expect(stored[oldest.id] != nil)

            // (3) Incremental: a page or two a day, not a re-listing of the 45 visible days.
            let fullRelistingPages = Self.fullRelistingPages(executions, firstRun: horizon.addingTimeInterval(Organisation.retention),
                                                             days: Self.simulatedDays)
            #expect(listPages * 10 < fullRelistingPages, "\(listPages) pages against \(fullRelistingPages) for daily full listings")
            #expect(batchCalls <= (expected.count + 49) / 50 + Self.simulatedDays)

            // (4) Each day's first call found both one-hour sessions long dead and re-assumed them
            // once, before any call could be refused.
            #expect(assumeRoleCalls == 2 * Self.simulatedDays)
            #expect(sandbox.expiredTokenRejections == 0)

            // (5) The store knows the history is complete from the first horizon on.
            let coverage = try #require(try store.coverage(accountId: unit.accountId, region: Organisation.region,
                                                          workgroup: Organisation.workgroup))
            #expect(coverage.from == horizon)
            #expect(coverage.to == end)

            // (6) Only the test moved the sandbox's (frozen) clock: sixty days, to the second.
            let clockStart = try #require(Organisation.scenario().clock)
            #expect(sandbox.clock.now() == clockStart.addingTimeInterval(Double(Self.simulatedDays) * Organisation.day))
        }
    }

    /// Runs `body` and returns the sandbox time it started at. The sandbox clock keeps running in
    /// real time, so this requires that no execution entered or left the 45-day window while
    /// `body` ran, which makes the expected result depend on `start` alone.
    static func quietWindow<Result>(_ executions: [Organisation.Execution], clock: SandboxClock,
                                    _ body: () async throws -> Result) async throws -> (start: Date, result: Result) {
        let start = clock.now()
        let result = try await body()
        let end = clock.now()
        for edge in [0, -Organisation.retention] {
            let lower = start.addingTimeInterval(edge - 1)
            let upper = end.addingTimeInterval(edge + 1)
            try #require(!executions.contains { $0.submitted >= lower && $0.submitted <= upper },
                         "an execution crossed a window edge while the clock ran on its own; change the generator seed")
        }
        return (start, result)
    }

    /// The pages a collector would read if it listed the whole visible history every day.
    static func fullRelistingPages(_ executions: [Organisation.Execution], firstRun: Date, days: Int) -> Int {
        (0..<days).reduce(0) { total, day in
            let now = firstRun.addingTimeInterval(Double(day) * Organisation.day)
            let visible = executions.filter { $0.submitted <= now && $0.submitted >= now.addingTimeInterval(-Organisation.retention) }
            return total + max(1, (visible.count + 49) / 50)
        }
    }
}

/// The sandbox's own count of the Athena history calls one account made.
struct AthenaCallCounter {
    let counters: SandboxCounters
    let account: String

    func snapshot() -> (list: Int, batchGet: Int) {
        (counters.requests(service: "athena", operation: "ListQueryExecutions", account: account),
         counters.requests(service: "athena", operation: "BatchGetQueryExecution", account: account))
    }
}
