import AWSCore
import AWSSandbox
import AWSServices
import ChargebackCore
import Foundation
import Testing

/// Athena keeps 45 days of query history, so a daily incremental collect must build the
/// complete history in the store. Sixty simulated days are played against the sandbox's clock.
@Suite("Daily collection: 60 simulated days against Athena's 45-day history", .timeLimit(.minutes(1)))
struct DailyCollectionSimulationTests {
    typealias Organisation = DailyCollectionSimulationScenario

    static let simulatedDays = 60

    @Test("daily incremental collects keep every execution, page little, and refresh the role chain each day")
    func sixtyDaysOfDailyCollection() async throws {
        let executions = Organisation.executions()
        let config = try Organisation.config()
        let unit = try #require(config.businessUnit(id: Organisation.unitId))
        let workgroup = try #require(unit.workgroups?.first)

        try await withSandbox(scenario: Organisation.scenario(), frozenClock: true) { sandbox in
            let session = sandbox.chain(runAsRoleArn: config.central.runAsRoleArn?.text).session(for: unit)
            let athena = AthenaClient(client: session.client(region: Organisation.region))
            let calls = AthenaCallCounter(counters: sandbox.counters, account: unit.accountId)
            var store = DailyCollectionStore()
            var firstHorizon: Date?
            var lastCollected: Date?
            var listPages = 0
            var batchCalls = 0

            for day in 1...Self.simulatedDays {
                sandbox.clock.advance(by: Organisation.day)
                let callsBefore = calls.snapshot()
                let window = try await Self.quietWindow(executions, clock: sandbox.clock) {
                    try await store.collect(athena, workGroup: workgroup)
                }
                let run = window.result
                // Everything submitted since the previous run, or the whole retained history on the first.
                let since = lastCollected ?? window.start.addingTimeInterval(-Organisation.retention)
                let expectedNew = executions.filter {
                    $0.submitted <= window.start && (lastCollected == nil ? $0.submitted >= since : $0.submitted > since)
                }.count
                #expect(run.newExecutions == expectedNew, "day \(day): stored \(run.newExecutions) new executions, expected \(expectedNew)")
                // One page per 50 new executions, plus the page that proves the rest is already stored.
                let pageBound = (expectedNew + DailyCollectionStore.pageSize - 1) / DailyCollectionStore.pageSize + 1
                #expect(run.listPages <= pageBound, "day \(day): \(run.listPages) ListQueryExecutions pages for \(expectedNew) new executions")
                let callsAfter = calls.snapshot()
                #expect(callsAfter.list - callsBefore.list == run.listPages, "day \(day): the paginator fetched pages the collect did not read")
                #expect(callsAfter.batchGet - callsBefore.batchGet == run.batchCalls)

                firstHorizon = firstHorizon ?? since
                lastCollected = window.start
                listPages += run.listPages
                batchCalls += run.batchCalls
            }

            // (1) Nothing was lost: the store holds exactly what was submitted from the first
            // run's retention horizon to the last run, though the sandbox never showed more than 45 days.
            let horizon = try #require(firstHorizon)
            let end = try #require(lastCollected)
            let expected = executions.filter { $0.submitted >= horizon && $0.submitted <= end }
            // The collected period is more than twice what the sandbox retains.
            #expect(end.timeIntervalSince(horizon) > 2 * Organisation.retention)
            let storedIds = Set(store.executions.keys)
            let missing = expected.filter { !storedIds.contains($0.id) }
            #expect(missing.count == 0, "\(missing.count) executions were never collected, the first submitted \(String(describing: missing.first?.submitted))")
            #expect(storedIds.count == expected.count, "\(storedIds.count - expected.count + missing.count) stored executions are outside the collected period")
            // The last day of the history was still in the future of the sandbox clock: never listed.
            #expect(executions.contains { $0.submitted > end })
            let misreported = expected.filter { execution in
                guard let stored = store.executions[execution.id] else { return false }
                return stored.status?.state?.rawValue != execution.state
                    || stored.statementType?.rawValue != execution.statementType
                    || stored.status?.submissionDateTime != execution.submitted
            }
            #expect(misreported.count == 0, "\(misreported.count) stored executions differ from the scenario, e.g. \(String(describing: misreported.first))")
            let stored = Array(store.executions.values)
            #expect(stored.contains { $0.statementType == .ddl })
            #expect(stored.contains { $0.status?.state == .failed })
            #expect(stored.contains { $0.status?.state == .cancelled })

            // (2) Retention: executions older than 45 days can no longer be listed or fetched,
            // yet the store still holds them.
            let finalListing = try await Self.quietWindow(executions, clock: sandbox.clock) {
                try await athena.listQueryExecutionsPages(workGroup: workgroup, maxResults: 50).items.collect()
            }
            let retainedFrom = finalListing.start.addingTimeInterval(-Organisation.retention)
            let expired = expected.filter { $0.submitted < retainedFrom }
            let listable = executions.filter { $0.submitted >= retainedFrom && $0.submitted <= finalListing.start }
            #expect(expired.count > 500)
            let listed = Set(finalListing.result)
            #expect(listed.count == finalListing.result.count, "the final listing repeated ids")
            #expect(listed == Set(listable.map(\.id)), "listed \(listed.count) executions, \(listable.count) are within 45 days")
            #expect(listed.isDisjoint(with: expired.map(\.id)), "executions older than 45 days are still listed")
            #expect(expired.allSatisfy { store.executions[$0.id] != nil })
            let oldest = try #require(expired.first)
            let lookup = try await athena.batchGetQueryExecution(ids: [oldest.id])
            #expect(lookup.queryExecutions.isEmpty)
            #expect(lookup.unprocessedQueryExecutionIds.map(\.queryExecutionId) == [oldest.id])

            // (3) Incremental: a page or two a day, not a re-listing of the 45 visible days.
            let fullRelistingPages = Self.fullRelistingPages(executions, firstRun: horizon.addingTimeInterval(Organisation.retention),
                                                             days: Self.simulatedDays)
            #expect(listPages * 10 < fullRelistingPages, "\(listPages) pages against \(fullRelistingPages) for daily full listings")
            #expect(batchCalls <= (expected.count + 49) / 50 + Self.simulatedDays)

            // (4) Each day's first call found both one-hour sessions long dead and re-assumed them
            // once, before any call could be refused.
            #expect(sandbox.assumeRoleCalls() == 2 * Self.simulatedDays)
            #expect(sandbox.expiredTokenRejections == 0)

            // (5) Only the test moved the sandbox's (frozen) clock: sixty days, to the second.
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
