import ChargebackTestSupport
import AWSCore
import AWSServices
import Foundation
import Testing

@Suite struct CostExplorerClientTests {
    private func costExplorer(_ http: StubHTTPClient, region: String = "eu-west-1") -> CostExplorerClient {
        CostExplorerClient(client: TestClients.aws(http, region: region))
    }

    private static let may = CostDateInterval(start: "2026-05-01", end: "2026-06-01")

    @Test func requestGoesToUsEast1WithTheModelsKeysAndTheFilterEncodedAsTheModelSays() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("costexplorer/get-cost-and-usage-page1.json")))
        let filter = CostExpression.and([
            .dimension("SERVICE", ["Amazon Athena", "AWS Glue"]),
            .not(.tags(CostFilterValues(key: "team", values: [], matchOptions: ["ABSENT"]))),
            .or([
                .dimension("LINKED_ACCOUNT", ["111122223333"]),
                .costCategories(CostFilterValues(key: "BusinessUnit", values: ["alpha"], matchOptions: ["EQUALS"])),
            ]),
        ])

        _ = try await costExplorer(http, region: "eu-central-1").getCostAndUsage(GetCostAndUsageInput(
            timePeriod: Self.may, granularity: .monthly, metrics: ["UnblendedCost"], filter: filter,
            groupBy: [.dimension("SERVICE"), .dimension("USAGE_TYPE")], nextPageToken: "ce-page-1"))

        let request = try #require(http.requests.first)
        #expect(request.method == "POST")
        #expect(request.host == "ce.us-east-1.amazonaws.com")
        #expect(request.headers["X-Amz-Target"] == "AWSInsightsIndexService.GetCostAndUsage")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(request.headers["Authorization"]?.contains("/us-east-1/ce/aws4_request") == true)
        let expected: NSDictionary = [
            "TimePeriod": ["Start": "2026-05-01", "End": "2026-06-01"],
            "Granularity": "MONTHLY",
            "Metrics": ["UnblendedCost"],
            "GroupBy": [["Type": "DIMENSION", "Key": "SERVICE"], ["Type": "DIMENSION", "Key": "USAGE_TYPE"]],
            "NextPageToken": "ce-page-1",
            "Filter": ["And": [
                ["Dimensions": ["Key": "SERVICE", "Values": ["Amazon Athena", "AWS Glue"]]],
                ["Not": ["Tags": ["Key": "team", "Values": [String](), "MatchOptions": ["ABSENT"]]]],
                ["Or": [
                    ["Dimensions": ["Key": "LINKED_ACCOUNT", "Values": ["111122223333"]]],
                    ["CostCategories": ["Key": "BusinessUnit", "Values": ["alpha"], "MatchOptions": ["EQUALS"]]],
                ]],
            ]],
        ]
        #expect(try request.jsonBody() as NSDictionary == expected)
    }

    @Test func requestWithoutGroupingOrFilterSendsOnlyTheRequiredKeys() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("costexplorer/get-cost-and-usage-total.json")))

        _ = try await costExplorer(http).getCostAndUsage(GetCostAndUsageInput(
            timePeriod: Self.may, granularity: .daily, metrics: ["UnblendedCost", "AmortizedCost"]))

        let body = try #require(http.requests.first).jsonBody()
        #expect(Set(body.keys) == ["TimePeriod", "Granularity", "Metrics"])
        #expect(body["Granularity"] as? String == "DAILY")
    }

    @Test func responseKeepsAmountsAsSentAndParsesThemExactly() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("costexplorer/get-cost-and-usage-page1.json")))

        let output = try await costExplorer(http).getCostAndUsage(GetCostAndUsageInput(
            timePeriod: Self.may, granularity: .monthly, metrics: ["UnblendedCost"],
            groupBy: [.dimension("SERVICE"), .dimension("USAGE_TYPE")]))

        #expect(output.nextPageToken == "ce-page-2")
        #expect(output.groupDefinitions == [.dimension("SERVICE"), .dimension("USAGE_TYPE")])
        let result = try #require(output.resultsByTime.first)
        #expect(result.timePeriod == Self.may)
        #expect(result.total.isEmpty)
        #expect(result.estimated == true)
        #expect(result.groups.map(\.keys) == [["Amazon Athena", "EUW1-DataScannedInTB"], ["AWS Glue", "EUW1-Crawler-DPU-Hour"]])
        let athena = try #require(result.groups[0].metrics["UnblendedCost"])
        #expect(athena.amount == "12.3456789012")
        #expect(athena.unit == "USD")
        // 12.3456789012 has no exact binary form; built from integers it is exact.
        #expect(athena.decimalAmount == Decimal(123_456_789_012) / Decimal(10_000_000_000))
    }

    @Test func ungroupedTotalsDecode() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("costexplorer/get-cost-and-usage-total.json")))

        let output = try await costExplorer(http).getCostAndUsage(GetCostAndUsageInput(
            timePeriod: CostDateInterval(start: "2026-04-01", end: "2026-05-01"), granularity: .monthly,
            metrics: ["UnblendedCost", "AmortizedCost"]))

        let result = try #require(output.resultsByTime.first)
        #expect(result.groups.isEmpty)
        #expect(result.estimated == false)
        #expect(result.total["UnblendedCost"]?.decimalAmount == Decimal(987_654_321_098_765) / Decimal(10_000_000_000))
        #expect(result.total["AmortizedCost"]?.decimalAmount == 0)
        #expect(output.nextPageToken == nil)
    }

    @Test(arguments: [
        ("0.44", Decimal(44) / Decimal(100)),
        ("-0.0000001", Decimal(-1) / Decimal(10_000_000)),
        ("1.2E-7", Decimal(12) / Decimal(100_000_000)),
        ("100", Decimal(100)),
    ])
    func decimalAmountParsesDecimalText(text: String, expected: Decimal) {
        #expect(MetricValue(amount: text, unit: "USD").decimalAmount == expected)
    }

    @Test(arguments: ["", "12abc", "1,5", "NaN", ".", "1e", "--1"])
    func decimalAmountIsNilForTextThatIsNotANumber(text: String) {
        #expect(MetricValue(amount: text, unit: "USD").decimalAmount == nil)
    }

    @Test func moreThanTwoGroupBysAreRejectedBeforeSending() async {
        let http = StubHTTPClient(HTTPResponse(status: 500))
        await expectInvalidRequest(service: "CostExplorer", operation: "GetCostAndUsage", mentioning: "GroupBy",
                                   http: http) {
            _ = try await costExplorer(http).getCostAndUsage(GetCostAndUsageInput(
                timePeriod: Self.may, granularity: .monthly, metrics: ["UnblendedCost"],
                groupBy: [.dimension("SERVICE"), .dimension("USAGE_TYPE"), .dimension("LINKED_ACCOUNT")]))
        }
    }

    @Test(arguments: [
        (CostDateInterval(start: "2026-5-01", end: "2026-06-01"), "TimePeriod.Start"),
        (CostDateInterval(start: "2026-05-01", end: "June 2026"), "TimePeriod.End"),
        (CostDateInterval(start: "2026-06-01", end: "2026-05-01"), "TimePeriod.Start"),
        (CostDateInterval(start: "2026-05-01", end: "2026-05-01"), "TimePeriod.Start"),
    ])
    func badTimePeriodsAreRejectedBeforeSending(period: CostDateInterval, field: String) async {
        let http = StubHTTPClient(HTTPResponse(status: 500))
        await expectInvalidRequest(service: "CostExplorer", operation: "GetCostAndUsage", mentioning: field,
                                   http: http) {
            _ = try await costExplorer(http).getCostAndUsage(GetCostAndUsageInput(
                timePeriod: period, granularity: .monthly, metrics: ["UnblendedCost"]))
        }
    }

    @Test func noMetricsIsRejectedBeforeSending() async {
        let http = StubHTTPClient(HTTPResponse(status: 500))
        await expectInvalidRequest(service: "CostExplorer", operation: "GetCostAndUsage", mentioning: "Metrics",
                                   http: http) {
            _ = try await costExplorer(http).getCostAndUsage(GetCostAndUsageInput(
                timePeriod: Self.may, granularity: .monthly, metrics: []))
        }
    }

    @Test func errorResponseBecomesAServiceErrorNamingServiceAndOperation() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("costexplorer/error-data-unavailable.json"), status: 400))

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await costExplorer(http).getCostAndUsage(GetCostAndUsageInput(
                timePeriod: Self.may, granularity: .monthly, metrics: ["UnblendedCost"]))
        }

        #expect(error?.service == "CostExplorer")
        #expect(error?.operation == "GetCostAndUsage")
        #expect(error?.code == "DataUnavailableException")
        #expect(http.requests.count == 1)
    }
}

/// GetDimensionValues: the request has the model's member names, and the answer's values and page
/// token are read.
@Suite struct CostExplorerDimensionValuesClientTests {
    @Test func requestAndAnswerUseTheModelsMemberNames() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("costexplorer/get-dimension-values.json")))
        let client = CostExplorerClient(client: TestClients.aws(http, region: "eu-west-1"))
        let output = try await client.getDimensionValues(GetDimensionValuesInput(
            timePeriod: CostDateInterval(start: "2026-05-01", end: "2026-06-01"), dimension: "SERVICE", searchString: "Quick"))

        let request = try #require(http.requests.first)
        #expect(request.host == "ce.us-east-1.amazonaws.com")
        #expect(request.headers["X-Amz-Target"] == "AWSInsightsIndexService.GetDimensionValues")
        let expected: NSDictionary = [
            "TimePeriod": ["Start": "2026-05-01", "End": "2026-06-01"], "Dimension": "SERVICE", "SearchString": "Quick",
        ]
        #expect(try request.jsonBody() as NSDictionary == expected)
        #expect(output.dimensionValues.map(\.value) == ["Amazon QuickSight", "Amazon Quick Suite"])
        #expect(output.nextPageToken == "dv-page-2")
    }

    @Test func aBadPeriodIsRefusedBeforeAnyRequest() async throws {
        let http = StubHTTPClient(.json(try Fixture.data("costexplorer/get-dimension-values.json")))
        let client = CostExplorerClient(client: TestClients.aws(http, region: "us-east-1"))
        await #expect(throws: AWSClientError.self) {
            _ = try await client.getDimensionValues(GetDimensionValuesInput(
                timePeriod: CostDateInterval(start: "2026-06-01", end: "2026-05-01"), dimension: "SERVICE"))
        }
        #expect(http.requests.isEmpty)
    }
}
