import Foundation
import Testing
@testable import AWSSandbox

@Suite struct CostExplorerEngineTests {
    static let account = "222222222222"
    static let now = EngineProbe.date("2026-11-20T10:00:00Z")

    static func line(_ date: String, _ service: String, _ usageType: String, _ amount: String,
                     overrides: [String: String] = [:]) -> ScenarioCostLine {
        ScenarioCostLine(date: date, service: service, usageType: usageType, amount: amount, metricAmounts: overrides)
    }

    static func scenario(extraLines: [ScenarioCostLine] = []) -> Scenario {
        Scenario(costCloseDay: 5, accounts: [
            ScenarioAccount(id: account, name: "retail", costLines: [
                line("2026-09-30", "Amazon Athena", "USE1-DataScannedInTB", "1.5"),
                line("2026-10-01", "Amazon Athena", "USE1-DataScannedInTB", "0.1"),
                line("2026-10-01", "Amazon Athena", "EUW1-DataScannedInTB", "0.2"),
                line("2026-10-02", "AWS Glue", "USE1-Crawler-DPU-Hour", "0.0000000001"),
                line("2026-10-15", "Amazon Simple Storage Service", "USE1-TimedStorage-ByteHrs", "7.123456789",
                     overrides: ["AmortizedCost": "7.5", "UsageQuantity": "1000"]),
                line("2026-10-31", "AWS Glue", "USE1-ETL-DPU-Hour", "3.3"),
                line("2026-11-01", "Amazon Athena", "USE1-DataScannedInTB", "9.99"),
            ] + extraLines),
            ScenarioAccount(id: "333333333333", name: "invest", costLines: [
                line("2026-10-01", "Amazon Athena", "USE1-DataScannedInTB", "1000"),
            ]),
        ])
    }

    func request(_ body: [String: Any], account: String = Self.account, now: Date = Self.now) -> SandboxCall {
        EngineProbe.json11("CostExplorer", "GetCostAndUsage", account: account, body: body, now: now)
    }

    func body(start: String = "2026-10-01", end: String = "2026-11-01", granularity: String = "MONTHLY",
              metrics: [String] = ["UnblendedCost"], groupBy: [String] = [], filter: [String: Any]? = nil) -> [String: Any] {
        var body: [String: Any] = ["TimePeriod": ["Start": start, "End": end], "Granularity": granularity, "Metrics": metrics]
        if !groupBy.isEmpty { body["GroupBy"] = groupBy.map { ["Type": "DIMENSION", "Key": $0] } }
        if let filter { body["Filter"] = filter }
        return body
    }

    func results(_ object: [String: Any]) throws -> [[String: Any]] {
        try #require(object["ResultsByTime"] as? [[String: Any]])
    }

    func amount(_ metrics: Any?, _ metric: String = "UnblendedCost") -> Decimal? {
        ((metrics as? [String: Any])?[metric] as? [String: Any])?["Amount"].flatMap { $0 as? String }.flatMap { Decimal(string: $0) }
    }

    @Test func monthlyTotalIsAnExactDecimalSumWithEndExclusive() throws {
        let engine = CostExplorerEngine(scenario: Self.scenario())
        let object = try EngineProbe.object(engine, request(body()))
        let periods = try results(object)
        #expect(periods.count == 1)
        let total = try #require(periods[0]["Total"] as? [String: Any])
        // Sept 30 and Nov 1 fall outside [Oct 1, Nov 1); 0.1 + 0.2 stays exactly 0.3.
        #expect((total["UnblendedCost"] as? [String: Any])?["Amount"] as? String == "10.7234567891")
        #expect((total["UnblendedCost"] as? [String: Any])?["Unit"] as? String == "USD")
        #expect((periods[0]["Groups"] as? [Any])?.isEmpty == true)
        #expect((object["DimensionValueAttributes"] as? [Any])?.isEmpty == true)
        #expect(object["NextPageToken"] == nil)
    }

    @Test func groupedAmountsAddUpToTheUngroupedTotal() throws {
        let engine = CostExplorerEngine(scenario: Self.scenario())
        let window = (start: "2026-09-01", end: "2026-12-01")
        let totals = try results(EngineProbe.object(engine, request(body(start: window.start, end: window.end))))
        let grouped = try EngineProbe.object(engine, request(body(start: window.start, end: window.end, groupBy: ["SERVICE", "USAGE_TYPE"])))
        #expect((grouped["GroupDefinitions"] as? [[String: String]])?.map { $0["Key"] } == ["SERVICE", "USAGE_TYPE"])
        let groupedPeriods = try results(grouped)
        #expect(groupedPeriods.count == totals.count)
        for (total, period) in zip(totals, groupedPeriods) {
            #expect((period["Total"] as? [String: Any])?.isEmpty == true)
            let groups = try #require(period["Groups"] as? [[String: Any]])
            let sum = groups.compactMap { amount($0["Metrics"]) }.reduce(Decimal(0), +)
            #expect(sum == amount(total["Total"]))
            let keys = groups.compactMap { $0["Keys"] as? [String] }
            #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        }
        let october = try #require(groupedPeriods[1]["Groups"] as? [[String: Any]])
        #expect(october.compactMap { $0["Keys"] as? [String] }.first == ["AWS Glue", "USE1-Crawler-DPU-Hour"])
    }

    @Test func metricOverridesAndUsageQuantityUnit() throws {
        let engine = CostExplorerEngine(scenario: Self.scenario())
        let filter: [String: Any] = ["Dimensions": ["Key": "SERVICE", "Values": ["Amazon Simple Storage Service"]]]
        let object = try EngineProbe.object(engine, request(body(metrics: ["UnblendedCost", "AmortizedCost", "UsageQuantity"], filter: filter)))
        let total = try results(object)[0]["Total"]
        #expect(amount(total) == Decimal(string: "7.123456789"))
        #expect(amount(total, "AmortizedCost") == Decimal(string: "7.5"))
        #expect(amount(total, "UsageQuantity") == 1000)
        #expect(((total as? [String: Any])?["UsageQuantity"] as? [String: Any])?["Unit"] as? String == "N/A")
    }

    @Test func dailyGranularityHasOnePeriodPerDay() throws {
        let engine = CostExplorerEngine(scenario: Self.scenario())
        let periods = try results(EngineProbe.object(engine, request(body(start: "2026-09-30", end: "2026-10-03", granularity: "DAILY"))))
        #expect(periods.compactMap { ($0["TimePeriod"] as? [String: String])?["Start"] } == ["2026-09-30", "2026-10-01", "2026-10-02"])
        #expect(periods.compactMap { amount($0["Total"]) } == [Decimal(string: "1.5")!, Decimal(string: "0.3")!, Decimal(string: "0.0000000001")!])
    }

    @Test func monthlyPeriodsAreClippedToTheRange() throws {
        let engine = CostExplorerEngine(scenario: Self.scenario())
        let periods = try results(EngineProbe.object(engine, request(body(start: "2026-09-15", end: "2026-11-10"))))
        let ranges = periods.compactMap { $0["TimePeriod"] as? [String: String] }.map { [$0["Start"]!, $0["End"]!] }
        #expect(ranges == [["2026-09-15", "2026-10-01"], ["2026-10-01", "2026-11-01"], ["2026-11-01", "2026-11-10"]])
        #expect(amount(periods[2]["Total"]) == Decimal(string: "9.99"))
    }

    @Test func filtersCombineAndOrNotOverDimensions() throws {
        let engine = CostExplorerEngine(scenario: Self.scenario())
        let athenaOutsideEurope: [String: Any] = ["And": [
            ["Dimensions": ["Key": "SERVICE", "Values": ["Amazon Athena"]]],
            ["Not": ["Dimensions": ["Key": "REGION", "Values": ["eu-west-1"]]]],
        ]]
        #expect(try amount(results(EngineProbe.object(engine, request(body(filter: athenaOutsideEurope))))[0]["Total"]) == Decimal(string: "0.1"))

        let glueOrEtl: [String: Any] = ["Or": [
            ["Dimensions": ["Key": "SERVICE", "Values": ["AWS Glue"]]],
            ["Dimensions": ["Key": "USAGE_TYPE", "Values": ["USE1-TimedStorage-ByteHrs"], "MatchOptions": ["EQUALS", "CASE_SENSITIVE"]]],
        ]]
        #expect(try amount(results(EngineProbe.object(engine, request(body(filter: glueOrEtl))))[0]["Total"]) == Decimal(string: "10.4234567891"))

        let otherAccount: [String: Any] = ["Dimensions": ["Key": "LINKED_ACCOUNT", "Values": ["333333333333"]]]
        #expect(try amount(results(EngineProbe.object(engine, request(body(filter: otherAccount))))[0]["Total"]) == 0)
    }

    @Test func memberAccountSeesOnlyItsOwnLines() throws {
        let engine = CostExplorerEngine(scenario: Self.scenario())
        let object = try EngineProbe.object(engine, request(body(groupBy: ["LINKED_ACCOUNT"]), account: "333333333333"))
        let groups = try #require(try results(object)[0]["Groups"] as? [[String: Any]])
        #expect(groups.compactMap { $0["Keys"] as? [String] } == [["333333333333"]])
        #expect(amount(groups[0]["Metrics"]) == 1000)
    }

    @Test(arguments: [
        #"{"Dimensions": {"Key": "SERVICE", "Values": ["x"]}, "Not": {"Dimensions": {"Key": "SERVICE", "Values": ["y"]}}}"#,
        #"{}"#,
        #"{"And": [{"Dimensions": {"Key": "SERVICE", "Values": ["x"]}}]}"#,
        #"{"Dimensions": {"Key": "SERVICE", "Values": ["x"], "MatchOptions": ["GREATER_THAN_OR_EQUAL"]}}"#,
        #"{"Dimensions": {"Key": "INSTANCE_TYPE", "Values": ["x"]}}"#,
    ])
    func rejectsMalformedExpressions(_ filterJSON: String) throws {
        let engine = CostExplorerEngine(scenario: Self.scenario())
        let filter = try #require(try JSONSerialization.jsonObject(with: Data(filterJSON.utf8)) as? [String: Any])
        #expect(EngineProbe.error(engine, request(body(filter: filter)))?.code == "ValidationException")
    }

    @Test func rejectsBadRequests() {
        let engine = CostExplorerEngine(scenario: Self.scenario())
        let bad: [[String: Any]] = [
            body(start: "2026-10-01", end: "2026-10-01"),
            body(start: "2026-10-05", end: "2026-10-01"),
            body(start: "2026-02-30", end: "2026-03-02"),
            body(granularity: "HOURLY"),
            body(metrics: []),
            body(metrics: ["Cost"]),
            body(groupBy: ["SERVICE", "USAGE_TYPE", "REGION"]),
        ]
        for request in bad {
            #expect(EngineProbe.error(engine, self.request(request))?.code == "ValidationException")
        }
    }

    @Test func groupsArePagedAndAPeriodContinuesOnTheNextPage() throws {
        // 15 usage types on each of two days: 30 groups over two DAILY periods, 20 to a page.
        let extra = (1...15).flatMap { index in
            ["2026-08-10", "2026-08-11"].map { Self.line($0, "Amazon Athena", "UT-\(index < 10 ? "0" : "")\(index)", "0.01") }
        }
        let engine = CostExplorerEngine(scenario: Self.scenario(extraLines: extra))
        let query = body(start: "2026-08-10", end: "2026-08-12", granularity: "DAILY", groupBy: ["USAGE_TYPE"])
        var pages: [[[String: Any]]] = []
        var token: String?
        repeat {
            var next = query
            if let token { next["NextPageToken"] = token }
            let object = try EngineProbe.object(engine, request(next))
            pages.append(try results(object))
            token = object["NextPageToken"] as? String
        } while token != nil
        #expect(pages.count == 2)
        #expect(pages.map { $0.compactMap { ($0["TimePeriod"] as? [String: String])?["Start"] } } == [["2026-08-10", "2026-08-11"], ["2026-08-11"]])
        let counts = pages.map { $0.map { ($0["Groups"] as? [Any])?.count ?? 0 } }
        #expect(counts == [[15, 5], [10]])
        let secondDay = (pages[0][1]["Groups"] as! [[String: Any]]) + (pages[1][0]["Groups"] as! [[String: Any]])
        #expect(secondDay.compactMap { ($0["Keys"] as? [String])?.first } == (1...15).map { "UT-\($0 < 10 ? "0" : "")\($0)" })

        #expect(EngineProbe.error(engine, request(query.merging(["NextPageToken": "garbage"]) { $1 }))?.code == "InvalidNextTokenException")
        let firstPage = try EngineProbe.object(engine, request(query))
        let otherQuery = body(start: "2026-08-10", end: "2026-08-12", granularity: "DAILY", groupBy: ["SERVICE"])
            .merging(["NextPageToken": firstPage["NextPageToken"] as! String]) { $1 }
        // A token reused with a changed request is refused as AWS does.
        #expect(EngineProbe.error(engine, request(otherQuery))?.code == "RequestChangedException")
    }

    @Test(arguments: [
        // (now, the September, October and November periods' Estimated flags)
        ("2026-11-03T08:00:00Z", [false, true, true]),
        ("2026-11-04T23:59:59Z", [false, true, true]),
        ("2026-11-05T00:00:00Z", [false, false, true]),
        // In December, November is the previous month and December 1 is before the close day.
        ("2026-12-01T00:00:00Z", [false, false, true]),
    ])
    func estimatedCoversTheCurrentMonthAndThePreviousUntilTheCloseDay(_ now: String, _ expected: [Bool]) throws {
        let engine = CostExplorerEngine(scenario: Self.scenario())
        let object = try EngineProbe.object(engine, request(body(start: "2026-09-01", end: "2026-12-01"), now: EngineProbe.date(now)))
        #expect(try results(object).compactMap { $0["Estimated"] as? Bool } == expected)
    }

    @Test func amountsAreSentAsStrings() throws {
        let engine = CostExplorerEngine(scenario: Self.scenario())
        let reply = try engine.handle(request(body()))
        #expect(String(decoding: reply.body, as: UTF8.self).contains("\"Amount\":\"10.7234567891\""))
    }
}
