import AWSCore
import ChargebackCore
import Foundation
import Testing
// The generators' expansion is internal to the sandbox; expected counts come from it, not from
// anything the sandbox serves.
@testable import AWSSandbox

@Suite("Collector against the sample organisation", .timeLimit(.minutes(2)))
struct CollectorTests {
    /// May 2026: entirely within Athena's 45 days at the sample's fixed clock (2026-06-10), and closed.
    static let month = BillingMonth("2026-05")!

    /// Executions the scenario itself submits in `month`, by (account, region, workgroup).
    static func expectedCounts(_ scenario: Scenario, month: BillingMonth, now: Date) -> [String: Int] {
        var counts: [String: Int] = [:]
        for account in scenario.accounts {
            for (slot, generator) in account.queryGenerators.enumerated() {
                var records: [AthenaExecutionRecord] = []
                QueryGeneratorExpander(generator: generator).expand(slot: Int32(slot), into: &records)
                for record in records {
                    let submitted = Date(timeIntervalSince1970: Double(record.submittedMillis) / 1000)
                    guard month.contains(submitted), submitted <= now else { continue }
                    counts["\(account.id)/\(generator.region)/\(generator.workgroup)", default: 0] += 1
                }
            }
        }
        return counts
    }

    static func collector(_ sandbox: SandboxFixture, config: ChargebackConfig, store: ChargebackStore) -> Collector {
        let clock = sandbox.clock
        return Collector(config: config, chain: sandbox.chain(runAsRoleArn: config.central.runAsRoleArn?.text),
                         central: sandbox.client(), store: store, now: { clock.now() })
    }

    @Test("a month's executions per workgroup are exactly the scenario's, and a re-run asks for nothing it has")
    func collectsTheMonthExactlyThenIncrementally() async throws {
        let config = try SampleOrganisation.config()
        let folder = try StoreFolder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        try await withSandbox(frozenClock: true) { sandbox in
            let collector = Self.collector(sandbox, config: config, store: store)
            let run = try await collector.run(.month(Self.month))
            #expect(run.status == .complete, "\(run.outcomes.compactMap(\.error))")
            #expect(run.outcomes.map(\.scope) == ["retail", "invest", "risk", "(central)"])

            let expected = Self.expectedCounts(SampleOrganisation.scenario, month: Self.month, now: sandbox.clock.now())
            var workgroups = 0
            for unit in config.businessUnits {
                let stored = try store.executions(accountId: unit.accountId, regions: unit.regions, month: Self.month)
                #expect(Set(stored.map(\.id)).count == stored.count)
                let byWorkgroup = Dictionary(grouping: stored) { "\(unit.accountId)/\($0.region)/\($0.workgroup)" }
                let wanted = expected.filter { key, _ in
                    key.hasPrefix(unit.accountId + "/")
                        && (unit.workgroups.map { names in names.contains { key.hasSuffix("/" + $0) } } ?? true)
                }
                #expect(!wanted.isEmpty)
                #expect(byWorkgroup.mapValues(\.count) == wanted, "\(unit.id)")
                workgroups += try store.workgroups(accountId: unit.accountId, regions: unit.regions).count
                let costs = try store.costLines(accountId: unit.accountId, month: Self.month, metric: "UnblendedCost",
                                                kind: .consumer)
                #expect(!costs.isEmpty && costs.allSatisfy { !$0.estimated && $0.unit == "USD" })
                #expect(Set(costs.map(\.service)).isSubset(of: Set(config.services.map(\.costExplorerName))))
            }
            #expect(try store.costLines(accountId: SampleOrganisation.centralAccountId, month: Self.month,
                                        metric: "UnblendedCost", kind: .central).count > 0)
            #expect(try store.quickDataSets().contains { $0.spiceBytes > 0 && !$0.dataSourceArns.isEmpty })

            // Nothing new: one ListQueryExecutions per workgroup, no BatchGet, no Cost Explorer request.
            sandbox.counters.reset()
            let again = try await collector.run(.month(Self.month))
            #expect(again.status == .complete)
            let athena = { (operation: String) in
                ["222222222222", "333333333333", "444444444444"].reduce(0) {
                    $0 + sandbox.counters.requests(service: "athena", operation: operation, account: $1)
                }
            }
            #expect(athena("ListQueryExecutions") == workgroups)
            #expect(athena("BatchGetQueryExecution") == 0)
            #expect(again.costExplorerRequests == 0)
            #expect(sandbox.counters.requests(service: "ce", operation: "GetCostAndUsage", account: "222222222222") == 0)
            #expect(try store.runs().count == 2)
        }
    }

    /// `--concurrency 1`: one business unit lists its Athena history at a time (the others may
    /// meanwhile take their role chain or write their results), and every unit still completes.
    @Test("the concurrency bounds the units listing their history at once")
    func concurrencyBoundsTheUnitsListingAtOnce() async throws {
        let config = try SampleOrganisation.config()
        let folder = try StoreFolder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        try await withSandbox(frozenClock: true) { sandbox in
            let clock = sandbox.clock
            var chain = sandbox.chain(runAsRoleArn: config.central.runAsRoleArn?.text)
            let tracker = HistoryCallTracker(wrapping: chain.client.http)
            chain.client.http = tracker
            let collector = Collector(config: config, chain: chain, central: sandbox.client(), store: store,
                                      concurrency: 1, now: { clock.now() })
            let run = try await collector.run(.month(Self.month))
            #expect(run.status == .complete, "\(run.outcomes.compactMap(\.error))")
            #expect(tracker.sessionsSeen == config.businessUnits.count)
            #expect(tracker.mostSessionsListingAtOnce == 1)
        }
    }

    @Test("a wrong ExternalId, the wrong account and a denied account fail their BU alone; nothing of them is stored")
    func oneUnitFailingDoesNotStopTheOthers() async throws {
        let sample = try SampleOrganisation.config()
        let retail = try #require(sample.businessUnit(id: "retail"))
        var config = sample
        var wrongId = retail
        wrongId.id = "retail-wrong-id"
        wrongId.externalId = "arn:aws:quicksight:us-east-1:111111111111:datasource/not-retail"
        config.businessUnits.insert(wrongId, at: 1)
        let folder = try StoreFolder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        try await withSandbox(faults: "wrong_account=333333333333,deny_account=444444444444", frozenClock: true) { sandbox in
            let run = try await Self.collector(sandbox, config: config, store: store).run(.month(Self.month))
            let outcome = { (scope: String) in run.outcomes.first { $0.scope == scope } }
            #expect(run.status == .partial)
            #expect(outcome("retail")?.status == .complete)
            #expect(outcome("(central)")?.status == .complete)
            for scope in ["retail-wrong-id", "invest", "risk"] {
                #expect(outcome(scope)?.status == .failed, "\(scope)")
                #expect(outcome(scope)?.error?.contains("\n") == false)
            }
            #expect(outcome("retail-wrong-id")?.error?.contains("AccessDenied") == true)
            #expect(outcome("invest")?.error?.contains("landed in account") == true)
            #expect(outcome("risk")?.error?.contains("AccessDenied") == true)
            for account in ["333333333333", "444444444444"] {
                #expect(try store.executions(accountId: account, regions: ["us-east-1", "eu-west-1"], month: Self.month).isEmpty)
                #expect(try store.costLines(accountId: account, month: Self.month, metric: "UnblendedCost", kind: .consumer).isEmpty)
            }
            #expect(try !store.executions(accountId: retail.accountId, regions: retail.regions, month: Self.month).isEmpty)
            // The run and each outcome are on record.
            let recorded = try #require(try store.latestOutcome(scope: "invest", month: Self.month))
            #expect(recorded.outcome.status == .failed)
            #expect(recorded.run.id == run.id)
        }
    }

    @Test("an Estimated month is asked for again by the next run; a closed one is not")
    func estimatedCostsAreFetchedAgain() async throws {
        let config = try SampleOrganisation.config()
        let folder = try StoreFolder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        // June 2026 is still open at the sample's clock (2026-06-10): Cost Explorer says Estimated.
        let open = BillingMonth("2026-06")!
        try await withSandbox(frozenClock: true) { sandbox in
            let collector = Self.collector(sandbox, config: config, store: store)
            let first = try await collector.run(.month(open))
            #expect(first.status == .complete)
            let stamp = try #require(try store.costResultStamp(accountId: "222222222222", month: open,
                                                               metric: config.costMetric.rawValue, kind: .consumer))
            #expect(stamp.estimated)
            let second = try await collector.run(.month(open))
            #expect(second.costExplorerRequests == first.costExplorerRequests)
            #expect(second.costExplorerRequests >= config.businessUnits.count + 1)
        }
    }

    @Test("a plan over --since covers every month it touches")
    func sincePlanCoversMonths() throws {
        let since = ISO8601DateFormatter().date(from: "2026-03-15T00:00:00Z")!
        let now = ISO8601DateFormatter().date(from: "2026-05-02T08:00:00Z")!
        let plan = CollectPlan.since(since, now: now)
        #expect(plan.months.map(\.text) == ["2026-03", "2026-04", "2026-05"])
        #expect(plan.since == since)
        #expect(plan.until == nil)
        let month = CollectPlan.month(BillingMonth("2026-02")!)
        #expect(month.since == BillingMonth("2026-02")!.start)
        #expect(month.until == BillingMonth("2026-03")!.start)
    }
}

/// Counts, by the access key that signed them, the sessions with Athena history calls in flight.
final class HistoryCallTracker: HTTPClient, @unchecked Sendable {
    private let wrapped: any HTTPClient
    private let lock = NSLock()
    private var inFlight: [String: Int] = [:]
    private var seen: Set<String> = []
    private var most = 0

    init(wrapping wrapped: any HTTPClient) { self.wrapped = wrapped }

    var sessionsSeen: Int { lock.withLock { seen.count } }
    var mostSessionsListingAtOnce: Int { lock.withLock { most } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let target = request.headers["X-Amz-Target"] ?? ""
        guard target.hasSuffix(".ListQueryExecutions") || target.hasSuffix(".BatchGetQueryExecution"),
              let authorization = request.headers["Authorization"],
              let credential = authorization.split(separator: " ").first(where: { $0.hasPrefix("Credential=") }),
              let accessKey = credential.dropFirst("Credential=".count).split(separator: "/").first.map(String.init)
        else { return try await wrapped.send(request) }
        lock.withLock {
            inFlight[accessKey, default: 0] += 1
            seen.insert(accessKey)
            most = max(most, inFlight.values.filter { $0 > 0 }.count)
        }
        defer { lock.withLock { inFlight[accessKey, default: 0] -= 1 } }
        return try await wrapped.send(request)
    }
}
