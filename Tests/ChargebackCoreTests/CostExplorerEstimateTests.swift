import AWSSandbox
import ChargebackCore
import Foundation
import Testing

/// The requests a collect is estimated to make before it spends any, against what it then makes.
@Suite("Cost Explorer request estimate", .timeLimit(.minutes(2)))
struct CostExplorerEstimateTests {
    static let may = BillingMonth("2026-05")!

    @Test("an empty store: one request per month for each business unit, two for the central account (Quick's SERVICE value is looked up first); none for a month not started")
    func emptyStore() throws {
        let config = try SampleOrganisation.config()
        let folder = try StoreFolder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        let now = SampleOrganisation.start
        let april15 = ISO8601DateFormatter().date(from: "2026-04-15T00:00:00Z")!
        let estimate = try CostExplorerEstimate.of(.since(april15, now: now), config: config, store: store, now: now)
        // April, May and June, for three business units and the central account.
        #expect(estimate == CostExplorerEstimate(requests: 15, months: 3, sources: 4, cached: 0))
        #expect(estimate.costText == "USD 0.15")
        var future = CollectPlan.month(Self.may.next.next)
        future.months.append(Self.may.next.next.next)
        #expect(try CostExplorerEstimate.of(future, config: config, store: store, now: now).requests == 0)
    }

    @Test("a closed month whose final answers are stored costs nothing; the estimate matches the requests made")
    func storedFinalMonth() async throws {
        let config = try SampleOrganisation.config()
        let folder = try StoreFolder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        try await withSandbox(frozenClock: true) { sandbox in
            let clock = sandbox.clock
            let collector = Collector(config: config, chain: sandbox.chain(runAsRoleArn: config.central.runAsRoleArn?.text),
                                      central: sandbox.client(), store: store, now: { clock.now() })
            let first = try CostExplorerEstimate.of(.month(Self.may), config: config, store: store, now: clock.now())
            let run = try await collector.run(.month(Self.may))
            try #require(run.status == .complete, "\(run.outcomes.compactMap(\.error))")
            #expect(first.requests == 5)
            #expect(run.costExplorerRequests == first.requests)

            // May is closed and final (its Quick SERVICE value too): only June (estimated) is asked for again.
            let since = CollectPlan.since(Self.may.start, now: clock.now())
            let second = try CostExplorerEstimate.of(since, config: config, store: store, now: clock.now())
            #expect(second == CostExplorerEstimate(requests: 5, months: 2, sources: 4, cached: 4))
            let again = try await collector.run(since)
            #expect(again.costExplorerRequests == second.requests)
        }
    }
}
