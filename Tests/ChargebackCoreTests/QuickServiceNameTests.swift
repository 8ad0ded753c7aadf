import AWSCore
import AWSSandbox
@testable import ChargebackCore
import Foundation
import Testing

/// `quick_service_name: auto`: the Cost Explorer SERVICE value of Quick is found with
/// GetDimensionValues, counted as a Cost Explorer request, kept for a closed month, and reported;
/// a configured value wins; none or several matching values fail the month with what was found.
@Suite("Quick's Cost Explorer service name", .timeLimit(.minutes(2)))
struct QuickServiceNameTests {
    static let month = BillingMonth("2026-05")!
    static let central = SampleOrganisation.centralAccountId

    static func dimensionValueRequests(_ sandbox: SandboxFixture) -> Int {
        sandbox.counters.requests(service: "ce", operation: "GetDimensionValues", account: central)
    }

    /// The sample scenario with the central account's Quick lines renamed by `rename`, plus `extra` lines.
    static func scenario(rename: (String) -> String, extra: [ScenarioCostLine] = []) -> Scenario {
        var scenario = SampleOrganisation.scenario
        let index = scenario.accounts.firstIndex { $0.id == central }!
        for line in scenario.accounts[index].costLines.indices {
            scenario.accounts[index].costLines[line].service = rename(scenario.accounts[index].costLines[line].service)
        }
        scenario.accounts[index].costLines += extra
        return scenario
    }

    @Test("which SERVICE values name Quick", arguments: [
        ("Amazon QuickSight", true), ("Amazon Quick", true), ("Amazon Quick Sight", true), ("amazon quicksight", true),
        ("Amazon Quick Suite", true), ("QuickStart Partner", false), ("Amazon Athena", false), ("Quicker Service", false),
    ])
    func namesQuick(value: String, expected: Bool) {
        #expect(QuickServiceNameLookup.namesQuick(value) == expected)
    }

    @Test("auto finds the value, counts the request, keeps it for the closed month and reports it")
    func autoFindsKeepsAndReports() async throws {
        let config = try SampleOrganisation.config()
        #expect(config.central.quickServiceName == nil, "the sample configuration says auto")
        let folder = try StoreFolder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        try await withSandbox(frozenClock: true) { sandbox in
            let run = try await CollectorTests.collector(sandbox, config: config, store: store).run(.month(Self.month))
            #expect(run.status == .complete, "\(run.outcomes.compactMap(\.error))")
            #expect(Self.dimensionValueRequests(sandbox) == 1)
            let central = try #require(run.outcomes.first { $0.scope == CollectionOutcome.centralScope })
            let costAndUsage = sandbox.counters.requests(service: "ce", operation: "GetCostAndUsage", account: Self.central)
            #expect(central.costExplorerRequests == costAndUsage + 1, "GetDimensionValues counts as a Cost Explorer request")
            #expect(try store.foundQuickServiceName(accountId: Self.central, month: Self.month)
                == FoundQuickServiceName(name: "Amazon QuickSight", final: true))

            sandbox.counters.reset()
            let again = try await CollectorTests.collector(sandbox, config: config, store: store).run(.month(Self.month))
            #expect(again.costExplorerRequests == 0)
            #expect(Self.dimensionValueRequests(sandbox) == 0)

            let input = try #require(try AttributionInputLoader(config: config, store: store)
                .load(month: Self.month, generatedAt: Date(), toolVersion: "test"))
            #expect(input.central.foundQuickServiceName == "Amazon QuickSight")
        }
    }

    @Test("a configured value wins: no GetDimensionValues")
    func configuredValueWins() async throws {
        var config = try SampleOrganisation.config()
        config.central.quickServiceName = "Amazon QuickSight"
        let folder = try StoreFolder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        try await withSandbox(frozenClock: true) { sandbox in
            let run = try await CollectorTests.collector(sandbox, config: config, store: store).run(.month(Self.month))
            #expect(run.status == .complete, "\(run.outcomes.compactMap(\.error))")
            #expect(Self.dimensionValueRequests(sandbox) == 0)
            #expect(try store.foundQuickServiceName(accountId: Self.central, month: Self.month) == nil)
        }
    }

    @Test("no matching value fails the central month and names what the search found")
    func noneMatches() async throws {
        let scenario = Self.scenario(rename: { $0 == "Amazon QuickSight" ? "Amazon Quickened Analytics" : $0 })
        let message = try await centralError(scenario)
        #expect(message.contains("Cost Explorer 2026-05: no Cost Explorer SERVICE value in account 111111111111 for 2026-05 matches Quick or QuickSight"), "\(message)")
        #expect(message.contains("found: 'Amazon Quickened Analytics'"), "\(message)")
    }

    @Test("several matching values fail the central month and name them")
    func severalMatch() async throws {
        let extra = ScenarioCostLine(date: "2026-05-20", service: "Amazon Quick", usageType: "USE1-Reader-Sessions",
                                     amount: "1.00", recordType: "Usage")
        let message = try await centralError(Self.scenario(rename: { $0 }, extra: [extra]))
        #expect(message.contains("several Cost Explorer SERVICE values in account 111111111111 for 2026-05 match Quick or QuickSight: 'Amazon Quick', 'Amazon QuickSight'"), "\(message)")
    }

    @Test("check reports the kinds for none and several matching values")
    func errorCodes() {
        let none = QuickServiceNameError(accountId: "111111111111", period: "2026-05", listed: [], matching: [])
        let several = QuickServiceNameError(accountId: "111111111111", period: "2026-05", listed: ["A", "B"], matching: ["A", "B"])
        #expect(CheckHint.outcome(for: none, step: .costExplorer) == .failed(code: "QuickServiceNameNotFound", hint: none.description))
        #expect(CheckHint.outcome(for: several, step: .costExplorer) == .failed(code: "QuickServiceNameAmbiguous", hint: several.description))
    }

    func centralError(_ scenario: Scenario) async throws -> String {
        let config = try SampleOrganisation.config()
        let folder = try StoreFolder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        return try await withSandbox(scenario: scenario, frozenClock: true) { sandbox in
            let run = try await CollectorTests.collector(sandbox, config: config, store: store).run(.month(Self.month))
            let central = try #require(run.outcomes.first { $0.scope == CollectionOutcome.centralScope })
            #expect(central.status != .complete)
            #expect(try store.costLines(accountId: Self.central, month: Self.month, metric: "UnblendedCost", kind: .central).isEmpty)
            return central.error ?? ""
        }
    }
}
