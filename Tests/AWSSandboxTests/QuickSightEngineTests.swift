import Foundation
import Testing
@testable import AWSSandbox

@Suite struct QuickSightEngineTests {
    static let central = "111111111111"
    static let now = EngineProbe.date("2026-11-20T10:00:00Z")

    static func scenario() -> Scenario {
        Scenario(accounts: [ScenarioAccount(
            id: central, name: "central",
            quickDataSources: [
                ScenarioQuickDataSource(id: "athena-retail", name: "Retail", workgroup: "bi",
                                        roleArn: "arn:aws:iam::111111111111:role/role-a",
                                        consumerAccountRoleArn: "arn:aws:iam::222222222222:role/role-b"),
                ScenarioQuickDataSource(id: "athena-invest", name: "Invest", workgroup: "bi",
                                        roleArn: "arn:aws:iam::111111111111:role/role-a",
                                        consumerAccountRoleArn: "arn:aws:iam::333333333333:role/role-b"),
                ScenarioQuickDataSource(id: "s3-files", name: "Files", type: "S3"),
                ScenarioQuickDataSource(id: "athena-frankfurt", name: "Frankfurt", region: "eu-central-1", workgroup: "primary"),
            ],
            quickDataSets: [
                ScenarioQuickDataSet(id: "cross", name: "Cross", spiceBytes: 2_048, dataSourceIds: ["athena-retail", "athena-invest"]),
                ScenarioQuickDataSet(id: "live", name: "Live", importMode: "DIRECT_QUERY", spiceBytes: 99, dataSourceIds: ["athena-retail"]),
                ScenarioQuickDataSet(id: "uploaded", name: "Uploaded", spiceBytes: 10, dataSourceIds: ["s3-files"]),
            ])])
    }

    func call(_ operation: String, _ path: String, query: [String: String] = [:], account: String = Self.central,
              region: String = "us-east-1") -> SandboxCall {
        EngineProbe.rest(operation, account: account, path: path, query: query, region: region, now: Self.now)
    }

    @Test func listDataSourcesHasQuickSightsShape() throws {
        let engine = QuickSightEngine(scenario: Self.scenario())
        let reply = try engine.handle(call("ListDataSources", "/accounts/111111111111/data-sources"))
        #expect(reply.headers.contains { $0.0 == "Content-Type" && $0.1 == "application/json" })
        let object = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
        #expect(object["Status"] as? Int == 200)
        #expect(object["RequestId"] is String)
        let sources = try #require(object["DataSources"] as? [[String: Any]])
        // Only this region's sources.
        #expect(sources.compactMap { $0["DataSourceId"] as? String } == ["athena-invest", "athena-retail", "s3-files"])
        let retail = try #require(sources.first { $0["DataSourceId"] as? String == "athena-retail" })
        #expect(retail["Arn"] as? String == "arn:aws:quicksight:us-east-1:111111111111:datasource/athena-retail")
        #expect(retail["Type"] as? String == "ATHENA")
        #expect(retail["Status"] as? String == "CREATION_SUCCESSFUL")
        #expect(retail["CreatedTime"] is NSNumber && retail["LastUpdatedTime"] is NSNumber)
        let athena = try #require((retail["DataSourceParameters"] as? [String: Any])?["AthenaParameters"] as? [String: Any])
        #expect(athena["WorkGroup"] as? String == "bi")
        #expect(athena["RoleArn"] as? String == "arn:aws:iam::111111111111:role/role-a")
        #expect(athena["ConsumerAccountRoleArn"] as? String == "arn:aws:iam::222222222222:role/role-b")
    }

    @Test func pagesWithMaxResultsAndNextToken() throws {
        let engine = QuickSightEngine(scenario: Self.scenario())
        var ids: [String] = []
        var token: String?
        repeat {
            var query = ["max-results": "2"]
            if let token { query["next-token"] = token }
            let object = try EngineProbe.object(engine, call("ListDataSources", "/accounts/111111111111/data-sources", query: query))
            ids += (object["DataSources"] as? [[String: Any]] ?? []).compactMap { $0["DataSourceId"] as? String }
            token = object["NextToken"] as? String
        } while token != nil
        #expect(ids == ["athena-invest", "athena-retail", "s3-files"])
        for bad in ["0", "101", "ten"] {
            let error = EngineProbe.error(engine, call("ListDataSources", "/accounts/111111111111/data-sources", query: ["max-results": bad]))
            #expect(error?.code == "InvalidParameterValueException")
        }
        let error = EngineProbe.error(engine, call("ListDataSets", "/accounts/111111111111/data-sets", query: ["next-token": "junk"]))
        #expect(error?.code == "InvalidNextTokenException")
    }

    /// QuickSight echoes the request id of the x-amzn-RequestId header in its body.
    @Test func bodyRequestIdIsTheCallsRequestId() throws {
        var listing = call("ListDataSources", "/accounts/\(Self.central)/data-sources")
        listing.requestId = "6a0c2d4e-request-id"
        let body = try EngineProbe.object(QuickSightEngine(scenario: Self.scenario()), listing)
        #expect(body["RequestId"] as? String == "6a0c2d4e-request-id")
    }

    @Test func anotherAccountInThePathIsAccessDenied() {
        let engine = QuickSightEngine(scenario: Self.scenario())
        let error = EngineProbe.error(engine, call("ListDataSources", "/accounts/111111111111/data-sources", account: "222222222222"))
        #expect(error?.code == "AccessDeniedException")
        #expect(error?.status == 401)
    }

    @Test func describeDataSourceOrNotFound() throws {
        let engine = QuickSightEngine(scenario: Self.scenario())
        let object = try EngineProbe.object(engine, call("DescribeDataSource", "/accounts/111111111111/data-sources/s3-files"))
        let source = try #require(object["DataSource"] as? [String: Any])
        #expect(source["Type"] as? String == "S3")
        #expect((source["DataSourceParameters"] as? [String: Any])?["S3Parameters"] != nil)
        let missing = EngineProbe.error(engine, call("DescribeDataSource", "/accounts/111111111111/data-sources/athena-frankfurt"))
        #expect(missing?.code == "ResourceNotFoundException")
        #expect(missing?.status == 404)
    }

    @Test func dataSetsListAndDescribeWithTheirSources() throws {
        let engine = QuickSightEngine(scenario: Self.scenario())
        let list = try EngineProbe.object(engine, call("ListDataSets", "/accounts/111111111111/data-sets"))
        let summaries = try #require(list["DataSetSummaries"] as? [[String: Any]])
        #expect(summaries.compactMap { $0["DataSetId"] as? String } == ["cross", "live", "uploaded"])
        #expect(summaries.compactMap { $0["ImportMode"] as? String } == ["SPICE", "DIRECT_QUERY", "SPICE"])
        #expect(summaries.first?["Arn"] as? String == "arn:aws:quicksight:us-east-1:111111111111:dataset/cross")

        let cross = try #require(try EngineProbe.object(engine, call("DescribeDataSet", "/accounts/111111111111/data-sets/cross"))["DataSet"] as? [String: Any])
        #expect((cross["ConsumedSpiceCapacityInBytes"] as? NSNumber)?.int64Value == 2_048)
        let tables = try #require(cross["PhysicalTableMap"] as? [String: [String: Any]])
        let sourceArns = tables.values.compactMap { ($0["RelationalTable"] as? [String: Any])?["DataSourceArn"] as? String }.sorted()
        #expect(sourceArns == ["arn:aws:quicksight:us-east-1:111111111111:datasource/athena-invest",
                               "arn:aws:quicksight:us-east-1:111111111111:datasource/athena-retail"])

        let live = try #require(try EngineProbe.object(engine, call("DescribeDataSet", "/accounts/111111111111/data-sets/live"))["DataSet"] as? [String: Any])
        #expect((live["ConsumedSpiceCapacityInBytes"] as? NSNumber)?.int64Value == 0)
        #expect(EngineProbe.error(engine, call("DescribeDataSet", "/accounts/111111111111/data-sets/nope"))?.status == 404)

        // A file data source is read through an S3Source table, not a RelationalTable.
        let uploaded = try #require(try EngineProbe.object(engine, call("DescribeDataSet", "/accounts/111111111111/data-sets/uploaded"))["DataSet"] as? [String: Any])
        let table = try #require((uploaded["PhysicalTableMap"] as? [String: [String: Any]])?["t1"])
        #expect((table["S3Source"] as? [String: Any])?["DataSourceArn"] as? String == "arn:aws:quicksight:us-east-1:111111111111:datasource/s3-files")
        #expect(table["RelationalTable"] == nil)
    }
}
