import Foundation
import Testing
@testable import AWSSandbox

/// Athena's history as a collector meets it on AWS: queries still queued or running that finish
/// later, failed queries that scanned bytes, and `primary` everywhere.
@Suite struct AthenaFidelityTests {
    static let now = EngineProbe.date("2026-11-20T10:00:00Z")

    func call(_ operation: String, _ body: [String: Any] = [:], account: String = "222222222222",
              region: String = "us-east-1", now: Date = Self.now) -> SandboxCall {
        EngineProbe.json11("Athena", operation, account: account, region: region, body: body, now: now)
    }

    func executions(_ engine: AthenaEngine, workgroup: String, now: Date) throws -> [[String: Any]] {
        let listed = try EngineProbe.object(engine, call("ListQueryExecutions", ["WorkGroup": workgroup], now: now))
        let ids = try #require(listed["QueryExecutionIds"] as? [String])
        let batch = try EngineProbe.object(engine, call("BatchGetQueryExecution", ["QueryExecutionIds": Array(ids.prefix(5))], now: now))
        return try #require(batch["QueryExecutions"] as? [[String: Any]])
    }

    func state(_ execution: [String: Any]) -> String? { (execution["Status"] as? [String: Any])?["State"] as? String }
    func bytes(_ execution: [String: Any]) -> Int64? { ((execution["Statistics"] as? [String: Any])?["DataScannedInBytes"] as? NSNumber)?.int64Value }

    @Test func queuedAndRunningQueriesFinishAsTheClockAdvances() throws {
        let engine = AthenaEngine(scenario: SandboxScenarios.sample(now: Self.now))
        let atStart = try executions(engine, workgroup: "bi", now: Self.now)
        let states = atStart.prefix(2).compactMap(state)
        #expect(states == ["QUEUED", "RUNNING"])
        #expect(atStart.prefix(2).allSatisfy { ($0["Status"] as? [String: Any])?["CompletionDateTime"] == nil })
        #expect(bytes(atStart[0]) == 0)

        let later = try executions(engine, workgroup: "bi", now: Self.now.addingTimeInterval(3_600))
        for (before, after) in zip(atStart.prefix(2), later.prefix(2)) {
            #expect(after["QueryExecutionId"] as? String == before["QueryExecutionId"] as? String)
            #expect(state(after) == "SUCCEEDED")
            #expect((bytes(after) ?? 0) >= 10 * 1_048_576)
            #expect((bytes(after) ?? 0) >= (bytes(before) ?? 0))
            #expect((after["Status"] as? [String: Any])?["CompletionDateTime"] != nil)
        }
    }

    @Test func failedQueriesReportBytesTheBillIgnores() throws {
        let generator = ScenarioQueryGenerator(workgroup: "primary", count: 400, from: Self.now.addingTimeInterval(-5 * 86_400),
                                               to: Self.now, seed: 3, failedFraction: 0.3)
        var records: [AthenaExecutionRecord] = []
        QueryGeneratorExpander(generator: generator).expand(slot: 0, into: &records)
        let failedWithBytes = records.filter { $0.state == .failed && $0.dataScannedBytes > 0 }
        #expect(!failedWithBytes.isEmpty)
        #expect(failedWithBytes.allSatisfy { SampleCostLines.billedBytes($0) == nil })
    }

    @Test func primaryExistsInEveryAccountAndRegion() throws {
        let scenario = Scenario(accounts: [ScenarioAccount(id: "555555555555", name: "bare")])
        let engine = AthenaEngine(scenario: scenario)
        for region in ["us-east-1", "ap-southeast-2"] {
            let listed = try EngineProbe.object(engine, call("ListWorkGroups", account: "555555555555", region: region))
            #expect((listed["WorkGroups"] as? [[String: Any]])?.compactMap { $0["Name"] as? String } == ["primary"])
            let primary = try EngineProbe.object(engine, call("GetWorkGroup", ["WorkGroup": "primary"], account: "555555555555", region: region))
            #expect((primary["WorkGroup"] as? [String: Any])?["Name"] as? String == "primary")
            // No WorkGroup: the primary workgroup, which has no history here.
            let executions = try EngineProbe.object(engine, call("ListQueryExecutions", account: "555555555555", region: region))
            #expect((executions["QueryExecutionIds"] as? [String]) == [])
        }
    }

    @Test(arguments: [
        #"{"MaxResults": "10"}"#, #"{"MaxResults": true}"#, #"{"MaxResults": 10.5}"#, #"{"MaxResults": 1e30}"#,
        #"{"MaxResults": 18446744073709551616}"#, #"{"MaxResults": 0}"#, #"{"MaxResults": 51}"#, #"{"MaxResults": -1}"#,
    ])
    func integerInputsOfTheWrongTypeOrRangeAreRefused(_ body: String) throws {
        let engine = AthenaEngine(scenario: SandboxScenarios.sample(now: Self.now))
        var request = call("ListQueryExecutions")
        request.body = Data(body.utf8)
        #expect(EngineProbe.error(engine, request)?.code == "InvalidRequestException")
        request.body = Data(#"{"MaxResults": 50}"#.utf8)
        #expect(EngineProbe.error(engine, request) == nil)
    }
}
