import Foundation
import Testing
@testable import AWSSandbox

/// Cost Explorer answers as AWS does where a client could hide a wrong number: metrics with their
/// own amounts, record types beyond usage, refused requests AWS refuses, and the unit.
@Suite struct CostExplorerFidelityTests {
    static let now = EngineProbe.date("2026-11-20T10:00:00Z")
    static let sample = SandboxScenarios.sample(now: now)
    static let metrics = ["UnblendedCost", "NetUnblendedCost", "AmortizedCost", "NetAmortizedCost", "BlendedCost", "UsageQuantity"]

    func call(_ body: [String: Any], account: String = "222222222222", now: Date = Self.now) -> SandboxCall {
        EngineProbe.json11("CostExplorer", "GetCostAndUsage", account: account, body: body, now: now)
    }

    func october(metrics: [String] = ["UnblendedCost"], groupBy: [String] = [], filter: [String: Any]? = nil,
                 granularity: String = "MONTHLY") -> [String: Any] {
        var body: [String: Any] = ["TimePeriod": ["Start": "2026-10-01", "End": "2026-11-01"], "Granularity": granularity, "Metrics": metrics]
        if !groupBy.isEmpty { body["GroupBy"] = groupBy.map { ["Type": "DIMENSION", "Key": $0] } }
        if let filter { body["Filter"] = filter }
        return body
    }

    func totals(_ object: [String: Any]) -> [String: Decimal] {
        let total = ((object["ResultsByTime"] as? [[String: Any]])?.first?["Total"] as? [String: Any]) ?? [:]
        return total.compactMapValues { (($0 as? [String: Any])?["Amount"] as? String).flatMap { Decimal(string: $0) } }
    }

    @Test func sampleAccountsCarryEveryRecordTypeAndMetricsThatDiffer() throws {
        let engine = CostExplorerEngine(scenario: Self.sample)
        for account in Self.sample.accounts {
            let octoberLines = account.costLines.filter { $0.date.hasPrefix("2026-10") }
            let types = Set(octoberLines.map(\.recordType))
            #expect(types.isSuperset(of: ["Usage", "Credit", "Refund", "Tax", "SavingsPlanCoveredUsage"]), "\(account.name)")
            #expect(octoberLines.filter { $0.recordType == "Tax" }.allSatisfy { $0.service == "Tax" })
            #expect(octoberLines.filter { ["Credit", "Refund"].contains($0.recordType) }.allSatisfy { $0.amount(for: "UnblendedCost") < 0 })

            // The engine's month totals are the scenario's own sums, metric by metric.
            let answered = totals(try EngineProbe.object(engine, call(october(metrics: Self.metrics), account: account.id)))
            for metric in Self.metrics {
                let expected = octoberLines.reduce(Decimal(0)) { $0 + $1.amount(for: metric) }
                #expect(answered[metric] == expected, "\(account.name) \(metric)")
            }
            let unblended = try #require(answered["UnblendedCost"])
            #expect(answered["NetUnblendedCost"]! < unblended, "a negotiated discount only Net metrics see")
            #expect(answered["UsageQuantity"] != unblended)
            #expect(answered["AmortizedCost"] != unblended, "the amortised metrics spread the Savings Plan fee")
            #expect(answered["BlendedCost"] != unblended || account.id == SandboxScenarios.centralAccountId)

            // The Savings Plan fee: unblended charges it on the 1st, amortised spreads it over the
            // covered usage, so the service holding the covered usage differs between the two.
            let covered = try #require(octoberLines.first { $0.recordType == "SavingsPlanCoveredUsage" })
            let service: [String: Any] = ["Dimensions": ["Key": "SERVICE", "Values": [covered.service]]]
            let byService = totals(try EngineProbe.object(engine, call(october(metrics: ["UnblendedCost", "AmortizedCost"], filter: service), account: account.id)))
            #expect(byService["UnblendedCost"] != byService["AmortizedCost"])
        }
    }

    @Test func recordTypeFiltersAndGroups() throws {
        let engine = CostExplorerEngine(scenario: Self.sample)
        let credits: [String: Any] = ["Dimensions": ["Key": "RECORD_TYPE", "Values": ["Credit"]]]
        let credit = totals(try EngineProbe.object(engine, call(october(filter: credits))))["UnblendedCost"]
        #expect(credit == Decimal(-20))
        let grouped = try EngineProbe.object(engine, call(october(groupBy: ["RECORD_TYPE"])))
        let groups = ((grouped["ResultsByTime"] as? [[String: Any]])?.first?["Groups"] as? [[String: Any]]) ?? []
        let keys = Set(groups.compactMap { ($0["Keys"] as? [String])?.first })
        #expect(keys.isSuperset(of: ["Usage", "Credit", "Refund", "Tax", "SavingsPlanCoveredUsage", "SavingsPlanNegation"]))
    }

    @Test func aMetricNamedTwiceIsAnsweredOnce() throws {
        let engine = CostExplorerEngine(scenario: Self.sample)
        let once = totals(try EngineProbe.object(engine, call(october(metrics: ["UnblendedCost"]))))
        let twice = try EngineProbe.object(engine, call(october(metrics: ["UnblendedCost", "UnblendedCost"])))
        #expect(totals(twice) == once)
    }

    @Test func requestsAWSRefusesAreRefused() throws {
        let engine = CostExplorerEngine(scenario: Self.sample)
        func code(_ body: [String: Any]) -> String? { EngineProbe.error(engine, call(body))?.code }
        var future = october()
        future["TimePeriod"] = ["Start": "2026-11-21", "End": "2026-12-01"]
        #expect(code(future) == "ValidationException")
        var today = october()
        today["TimePeriod"] = ["Start": "2026-11-20", "End": "2026-12-01"]
        #expect(code(today) == nil)

        var centuries = october(granularity: "DAILY")
        centuries["TimePeriod"] = ["Start": "1900-01-01", "End": "2026-11-01"]
        #expect(code(centuries) == "ValidationException")

        func matching(_ options: [String]) -> [String: Any] {
            october(filter: ["Dimensions": ["Key": "SERVICE", "Values": ["AWS Glue"], "MatchOptions": options]])
        }
        #expect(code(matching(["EQUALS"])) == nil)
        #expect(code(matching(["EQUALS", "CASE_SENSITIVE"])) == nil)
        for option in ["CASE_INSENSITIVE", "STARTS_WITH", "CONTAINS", "ABSENT", "NOT_AN_OPTION"] {
            #expect(code(matching([option])) == "ValidationException", "\(option)")
        }
    }

    @Test func groupingByLinkedAccountNamesTheAccounts() throws {
        let engine = CostExplorerEngine(scenario: Self.sample)
        let object = try EngineProbe.object(engine, call(october(groupBy: ["LINKED_ACCOUNT"])))
        let attributes = try #require(object["DimensionValueAttributes"] as? [[String: Any]])
        #expect(attributes.count == 1)
        #expect(attributes.first?["Value"] as? String == "222222222222")
        #expect((attributes.first?["Attributes"] as? [String: String])?["description"] == "retail banking")
    }

    @Test func amountsCarryTheAccountsCurrency() throws {
        var scenario = Self.sample
        scenario.accounts[1].currency = "EUR"
        let engine = CostExplorerEngine(scenario: scenario)
        let object = try EngineProbe.object(engine, call(october(metrics: ["UnblendedCost", "UsageQuantity"]), account: scenario.accounts[1].id))
        let total = try #require((object["ResultsByTime"] as? [[String: Any]])?.first?["Total"] as? [String: [String: String]])
        #expect(total["UnblendedCost"]?["Unit"] == "EUR")
        #expect(total["UsageQuantity"]?["Unit"] == "N/A")
    }

    @Test func costLinesReadPerMetricFieldsAndKeepTheSingleAmount() throws {
        let yaml = """
        accounts:
          - id: "222222222222"
            currency: EUR
            cost_lines:
              - {date: "2026-10-01", service: AWS Glue, usage_type: USE1-ETL-DPU-Hour, amount: "3.5"}
              - {date: "2026-10-02", service: AWS Glue, usage_type: USE1-ETL-DPU-Hour, unblended_cost: "10", net_unblended_cost: "9.5",
                 amortized_cost: "8", net_amortized_cost: "7.6", blended_cost: "10.2", usage_quantity: "22.727272"}
              - {date: "2026-10-10", service: AWS Glue, usage_type: USE1-ETL-DPU-Hour, record_type: Credit, amount: "-20"}
        """
        let scenario = try ScenarioLoader.decode(yaml: yaml, file: "inline.yaml")
        let lines = try #require(scenario.accounts.first?.costLines)
        #expect(scenario.accounts.first?.currency == "EUR")
        #expect(Self.metrics.allSatisfy { lines[0].amount(for: $0) == Decimal(string: "3.5") })
        #expect(lines[1].amount == "10")
        #expect(lines[1].amount(for: "NetAmortizedCost") == Decimal(string: "7.6"))
        #expect(lines[1].amount(for: "UsageQuantity") == Decimal(string: "22.727272"))
        #expect(lines[2].recordType == "Credit" && lines[2].amount(for: "NetUnblendedCost") == -20)
        #expect(throws: ScenarioLoadError.self) {
            try ScenarioLoader.decode(yaml: yaml.replacingOccurrences(of: "currency: EUR", with: "currency: euro"), file: "inline.yaml")
        }
    }
}
