import Foundation
import Testing
@testable import AWSSandbox

@Suite struct AthenaEngineTests {
    static let account = "222222222222"
    static let now = EngineProbe.date("2026-06-15T12:00:00Z")

    /// 130 executions in "primary", one every 8 hours back from `now` (≈ 43 days), plus ones
    /// past retention, one in the future, one in another workgroup and one in another account.
    static func scenario() -> Scenario {
        var executions = (0..<130).map { index in
            ScenarioQueryExecution(id: "exec-\(index)", workgroup: "primary",
                                   submitted: now.addingTimeInterval(-Double(index) * 8 * 3600 - 60),
                                   dataScannedBytes: Int64(index) * 1_000_000)
        }
        executions.append(ScenarioQueryExecution(id: "old-46d", workgroup: "primary", submitted: now.addingTimeInterval(-46 * 86_400)))
        executions.append(ScenarioQueryExecution(id: "future", workgroup: "primary", submitted: now.addingTimeInterval(3600)))
        executions.append(ScenarioQueryExecution(id: "bi-1", workgroup: "bi", submitted: now.addingTimeInterval(-100)))
        executions.append(ScenarioQueryExecution(id: "failed-1", workgroup: "bi", submitted: now.addingTimeInterval(-200),
                                                 state: "FAILED", engineTimeMillis: 321))
        executions.append(ScenarioQueryExecution(id: "ddl-1", workgroup: "bi", submitted: now.addingTimeInterval(-300),
                                                 statementType: "DDL", query: "CREATE TABLE t (a int)"))
        return Scenario(accounts: [
            ScenarioAccount(id: account, name: "retail", workgroups: [
                ScenarioWorkgroup(name: "primary", region: "us-east-1", bytesScannedCutoffPerQuery: 10_000_000_000,
                                  enforceWorkGroupConfiguration: true, resultEncryption: "SSE_S3"),
                ScenarioWorkgroup(name: "bi", region: "us-east-1", bytesScannedCutoffPerQuery: nil,
                                  enforceWorkGroupConfiguration: false, resultEncryption: nil),
                ScenarioWorkgroup(name: "models", region: "eu-west-1"),
            ], queryExecutions: executions),
            ScenarioAccount(id: "333333333333", name: "invest", workgroups: [ScenarioWorkgroup(name: "primary", region: "us-east-1")],
                            queryExecutions: [ScenarioQueryExecution(id: "other-account", workgroup: "primary",
                                                                     submitted: now.addingTimeInterval(-10))]),
        ])
    }

    func call(_ operation: String, _ body: [String: Any] = [:], now: Date = Self.now, region: String = "us-east-1",
              account: String = Self.account) -> SandboxCall {
        EngineProbe.json11("Athena", operation, account: account, region: region, body: body, now: now)
    }

    func allIds(_ engine: AthenaEngine, workgroup: String = "primary", now: Date = Self.now) throws -> (ids: [String], pages: [Int]) {
        var ids: [String] = []
        var pages: [Int] = []
        var token: String?
        repeat {
            var body: [String: Any] = ["WorkGroup": workgroup]
            if let token { body["NextToken"] = token }
            let page = try EngineProbe.object(engine, call("ListQueryExecutions", body, now: now))
            let pageIds = try #require(page["QueryExecutionIds"] as? [String])
            ids += pageIds
            pages.append(pageIds.count)
            token = page["NextToken"] as? String
        } while token != nil
        return (ids, pages)
    }

    @Test func listsPagesOfFiftyNewestFirstWithinRetention() throws {
        let engine = AthenaEngine(scenario: Self.scenario())
        let listed = try allIds(engine)
        // exec-0 … exec-129 are within 45 days; "old-46d" and "future" are not.
        #expect(listed.pages == [50, 50, 30])
        #expect(listed.ids == (0..<130).map { "exec-\($0)" })
    }

    @Test func retentionWindowMovesWithTheClock() throws {
        let engine = AthenaEngine(scenario: Self.scenario())
        let later = Self.now.addingTimeInterval(5 * 86_400)
        let listed = try allIds(engine, now: later)
        // The future execution is now visible; executions older than later − 45 days dropped out.
        let cutoff = later.addingTimeInterval(-45 * 86_400)
        let expected = ["future"] + (0..<130).filter { Self.now.addingTimeInterval(-Double($0) * 8 * 3600 - 60) >= cutoff }.map { "exec-\($0)" }
        #expect(listed.ids == expected)
        #expect(listed.ids.count < 131)
    }

    @Test func defaultsToThePrimaryWorkgroupAndHonoursMaxResults() throws {
        let engine = AthenaEngine(scenario: Self.scenario())
        let page = try EngineProbe.object(engine, call("ListQueryExecutions", ["MaxResults": 7]))
        #expect(page["QueryExecutionIds"] as? [String] == (0..<7).map { "exec-\($0)" })
        #expect(page["NextToken"] is String)
    }

    @Test(arguments: [0, 51, -1])
    func rejectsMaxResultsOutOfRange(_ maxResults: Int) {
        let engine = AthenaEngine(scenario: Self.scenario())
        let error = EngineProbe.error(engine, call("ListQueryExecutions", ["MaxResults": maxResults]))
        #expect(error?.code == "InvalidRequestException")
    }

    @Test func rejectsUnknownTokensAndTokensOfAnotherWorkgroup() throws {
        let engine = AthenaEngine(scenario: Self.scenario())
        #expect(EngineProbe.error(engine, call("ListQueryExecutions", ["NextToken": "not-a-token"]))?.code == "InvalidRequestException")
        let page = try EngineProbe.object(engine, call("ListQueryExecutions", ["MaxResults": 1]))
        let token = try #require(page["NextToken"] as? String)
        let reused = EngineProbe.error(engine, call("ListQueryExecutions", ["WorkGroup": "bi", "NextToken": token]))
        #expect(reused?.code == "InvalidRequestException")
    }

    @Test func unknownWorkgroupIsNotFound() {
        let engine = AthenaEngine(scenario: Self.scenario())
        let error = EngineProbe.error(engine, call("ListQueryExecutions", ["WorkGroup": "nope"]))
        #expect(error == .invalidRequest("WorkGroup nope is not found."))
    }

    @Test func batchGetLimitsAndUnprocessedIds() throws {
        let engine = AthenaEngine(scenario: Self.scenario())
        #expect(EngineProbe.error(engine, call("BatchGetQueryExecution", ["QueryExecutionIds": [String]()]))?.code == "InvalidRequestException")
        let tooMany = (0..<51).map { "exec-\($0)" }
        #expect(EngineProbe.error(engine, call("BatchGetQueryExecution", ["QueryExecutionIds": tooMany]))?.code == "InvalidRequestException")

        let fifty = (0..<50).map { "exec-\($0)" }
        let full = try EngineProbe.object(engine, call("BatchGetQueryExecution", ["QueryExecutionIds": fifty]))
        #expect((full["QueryExecutions"] as? [[String: Any]])?.count == 50)

        let requested = ["exec-3", "missing", "old-46d", "future", "other-account"]
        let reply = try EngineProbe.object(engine, call("BatchGetQueryExecution", ["QueryExecutionIds": requested]))
        let found = try #require(reply["QueryExecutions"] as? [[String: Any]])
        #expect(found.map { $0["QueryExecutionId"] as? String } == ["exec-3"])
        let unprocessed = try #require(reply["UnprocessedQueryExecutionIds"] as? [[String: Any]])
        #expect(unprocessed.map { $0["QueryExecutionId"] as? String } == ["missing", "old-46d", "future", "other-account"])
        #expect(unprocessed.allSatisfy { $0["ErrorCode"] as? String == "INVALID_INPUT" && $0["ErrorMessage"] is String })
    }

    @Test func executionCarriesStatusStatisticsAndContext() throws {
        let engine = AthenaEngine(scenario: Self.scenario())
        let reply = try engine.handle(call("GetQueryExecution", ["QueryExecutionId": "exec-2"]))
        let text = String(decoding: reply.body, as: UTF8.self)
        // Timestamps are epoch seconds with a millisecond fraction.
        let submitted = Self.now.addingTimeInterval(-2 * 8 * 3600 - 60).timeIntervalSince1970
        #expect(text.contains("\"SubmissionDateTime\":\(Int(submitted)).000"))

        let object = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
        let execution = try #require(object["QueryExecution"] as? [String: Any])
        #expect(execution["WorkGroup"] as? String == "primary")
        #expect(execution["StatementType"] as? String == "DML")
        let context = try #require(execution["QueryExecutionContext"] as? [String: Any])
        #expect(context["Catalog"] as? String == "AwsDataCatalog")
        let status = try #require(execution["Status"] as? [String: Any])
        #expect(status["State"] as? String == "SUCCEEDED")
        #expect(status["StateChangeReason"] == nil)
        let statistics = try #require(execution["Statistics"] as? [String: Any])
        #expect((statistics["DataScannedInBytes"] as? NSNumber)?.int64Value == 2_000_000)
        #expect(statistics["DataManifestLocation"] == nil)
        let parts = ["QueryQueueTimeInMillis", "ServicePreProcessingTimeInMillis", "EngineExecutionTimeInMillis", "ServiceProcessingTimeInMillis"]
        let sum = try parts.reduce(0) { $0 + (try #require(statistics[$1] as? NSNumber)).intValue }
        #expect((statistics["TotalExecutionTimeInMillis"] as? NSNumber)?.intValue == sum)
        #expect(try #require(statistics["QueryPlanningTimeInMillis"] as? NSNumber).intValue <= 1000)
        let reuse = try #require(statistics["ResultReuseInformation"] as? [String: Any])
        #expect(reuse["ReusedPreviousResult"] as? Bool == false)
        let completion = try #require(status["CompletionDateTime"] as? NSNumber).doubleValue
        #expect(abs(completion - submitted - Double(sum) / 1000) < 0.002)
        let output = (execution["ResultConfiguration"] as? [String: Any])?["OutputLocation"] as? String
        #expect(output?.hasSuffix("/primary/exec-2.csv") == true)
    }

    @Test func failedExecutionExplainsItself() throws {
        let engine = AthenaEngine(scenario: Self.scenario())
        let object = try EngineProbe.object(engine, call("GetQueryExecution", ["QueryExecutionId": "failed-1"]))
        let status = try #require((object["QueryExecution"] as? [String: Any])?["Status"] as? [String: Any])
        #expect(status["State"] as? String == "FAILED")
        #expect(status["StateChangeReason"] is String)
        let athenaError = try #require(status["AthenaError"] as? [String: Any])
        #expect(athenaError["ErrorCategory"] is NSNumber)
        #expect(EngineProbe.error(engine, call("GetQueryExecution", ["QueryExecutionId": "missing"]))?.code == "InvalidRequestException")
    }

    @Test func getWorkGroupReportsItsSettings() throws {
        let engine = AthenaEngine(scenario: Self.scenario())
        let primary = try EngineProbe.object(engine, call("GetWorkGroup", ["WorkGroup": "primary"]))
        let primaryConfig = try #require((primary["WorkGroup"] as? [String: Any])?["Configuration"] as? [String: Any])
        #expect((primaryConfig["BytesScannedCutoffPerQuery"] as? NSNumber)?.int64Value == 10_000_000_000)
        #expect(primaryConfig["EnforceWorkGroupConfiguration"] as? Bool == true)
        let primaryResults = try #require(primaryConfig["ResultConfiguration"] as? [String: Any])
        #expect((primaryResults["EncryptionConfiguration"] as? [String: Any])?["EncryptionOption"] as? String == "SSE_S3")
        #expect((primaryConfig["EngineVersion"] as? [String: Any])?["EffectiveEngineVersion"] as? String == "Athena engine version 3")

        let bi = try EngineProbe.object(engine, call("GetWorkGroup", ["WorkGroup": "bi"]))
        let biConfig = try #require((bi["WorkGroup"] as? [String: Any])?["Configuration"] as? [String: Any])
        #expect(biConfig["BytesScannedCutoffPerQuery"] == nil)
        #expect(biConfig["EnforceWorkGroupConfiguration"] as? Bool == false)
        #expect((biConfig["ResultConfiguration"] as? [String: Any])?["EncryptionConfiguration"] == nil)

        let missing = EngineProbe.error(engine, call("GetWorkGroup", ["WorkGroup": "models"]))
        #expect(missing == .invalidRequest("WorkGroup models is not found."))
    }

    @Test func listWorkGroupsIsPerRegionAndPaged() throws {
        let engine = AthenaEngine(scenario: Self.scenario())
        var names: [String] = []
        var token: String?
        var calls = 0
        repeat {
            var body: [String: Any] = ["MaxResults": 1]
            if let token { body["NextToken"] = token }
            let page = try EngineProbe.object(engine, call("ListWorkGroups", body))
            let groups = try #require(page["WorkGroups"] as? [[String: Any]])
            #expect(groups.allSatisfy { $0["State"] as? String == "ENABLED" && $0["CreationTime"] is NSNumber })
            names += groups.compactMap { $0["Name"] as? String }
            token = page["NextToken"] as? String
            calls += 1
        } while token != nil
        #expect(names == ["bi", "primary"])
        #expect(calls == 2)
        let europe = try EngineProbe.object(engine, call("ListWorkGroups", region: "eu-west-1"))
        #expect((europe["WorkGroups"] as? [[String: Any]])?.compactMap { $0["Name"] as? String } == ["models", "primary"])
        #expect(EngineProbe.error(engine, call("ListWorkGroups", ["MaxResults": 51]))?.code == "InvalidRequestException")
    }

    @Test func anotherAccountSeesOnlyItsOwnExecutions() throws {
        let engine = AthenaEngine(scenario: Self.scenario())
        let page = try EngineProbe.object(engine, call("ListQueryExecutions", account: "333333333333"))
        #expect(page["QueryExecutionIds"] as? [String] == ["other-account"])
        let reply = try EngineProbe.object(engine, call("BatchGetQueryExecution", ["QueryExecutionIds": ["exec-1"]], account: "333333333333"))
        #expect((reply["UnprocessedQueryExecutionIds"] as? [[String: Any]])?.count == 1)
    }

    @Test func generatorsExpandIntoAthenaShapedIdsWithTheRequestedMix() throws {
        let generator = ScenarioQueryGenerator(workgroup: "primary", count: 2_000, from: Self.now.addingTimeInterval(-40 * 86_400),
                                               to: Self.now, seed: 42, meanBytes: 4_000_000_000, ddlFraction: 0.1,
                                               failedFraction: 0.1, cancelledFraction: 0.1, reusedFraction: 0.1, smallFraction: 0.1)
        let scenario = Scenario(accounts: [ScenarioAccount(id: Self.account, name: "retail",
                                                           workgroups: [ScenarioWorkgroup(name: "primary", region: "us-east-1")],
                                                           queryGenerators: [generator])])
        let engine = AthenaEngine(scenario: scenario)
        let ids = try allIds(engine).ids
        #expect(ids.count == 2_000)
        #expect(Set(ids).count == 2_000)
        let uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
        #expect(ids.allSatisfy { $0.wholeMatch(of: uuid) != nil })

        var executions: [[String: Any]] = []
        for start in stride(from: 0, to: ids.count, by: 50) {
            let reply = try EngineProbe.object(engine, call("BatchGetQueryExecution", ["QueryExecutionIds": Array(ids[start..<min(ids.count, start + 50)])]))
            executions += try #require(reply["QueryExecutions"] as? [[String: Any]])
        }
        let submitted = executions.compactMap { (($0["Status"] as? [String: Any])?["SubmissionDateTime"] as? NSNumber)?.doubleValue }
        #expect(submitted == submitted.sorted(by: >))
        func share(_ predicate: ([String: Any]) -> Bool) -> Double { Double(executions.filter(predicate).count) / Double(executions.count) }
        func state(_ execution: [String: Any]) -> String? { (execution["Status"] as? [String: Any])?["State"] as? String }
        func bytes(_ execution: [String: Any]) -> Int64 { ((execution["Statistics"] as? [String: Any])?["DataScannedInBytes"] as? NSNumber)?.int64Value ?? -1 }
        func reused(_ execution: [String: Any]) -> Bool {
            (((execution["Statistics"] as? [String: Any])?["ResultReuseInformation"] as? [String: Any])?["ReusedPreviousResult"] as? Bool) == true
        }
        #expect(abs(share { $0["StatementType"] as? String == "DDL" } - 0.1) < 0.03)
        #expect(abs(share { state($0) == "FAILED" } - 0.1) < 0.03)
        #expect(abs(share { state($0) == "CANCELLED" } - 0.1) < 0.03)
        #expect(abs(share(reused) - 0.1) < 0.03)
        #expect(executions.filter { reused($0) || $0["StatementType"] as? String == "DDL" }.allSatisfy { bytes($0) == 0 })
        // A failed query may have read data before failing: it reports the bytes (never billed).
        let failed = executions.filter { state($0) == "FAILED" }
        #expect(failed.contains { bytes($0) > 0 } && failed.contains { bytes($0) == 0 })
        let cancelled = executions.filter { state($0) == "CANCELLED" }
        #expect(cancelled.contains { bytes($0) > 0 } && cancelled.contains { bytes($0) == 0 })
        #expect(executions.contains { state($0) == "SUCCEEDED" && bytes($0) > 0 && bytes($0) < 10 * 1_048_576 })
        let large = executions.filter { state($0) == "SUCCEEDED" && !reused($0) && bytes($0) >= 10 * 1_048_576 }.map { Double(bytes($0)) }
        let mean = large.reduce(0, +) / Double(large.count)
        #expect(mean > 2_800_000_000 && mean < 5_200_000_000)
    }

    @Test func sameSeedSameExecutionsAndOtherSeedOthers() throws {
        func ids(seed: UInt64) throws -> [String] {
            let generator = ScenarioQueryGenerator(workgroup: "primary", count: 300, from: Self.now.addingTimeInterval(-10 * 86_400), to: Self.now, seed: seed)
            let scenario = Scenario(accounts: [ScenarioAccount(id: Self.account, name: "retail", workgroups: [ScenarioWorkgroup(name: "primary", region: "us-east-1")], queryGenerators: [generator])])
            let engine = AthenaEngine(scenario: scenario)
            let listed = try allIds(engine).ids
            let detail = try engine.handle(call("BatchGetQueryExecution", ["QueryExecutionIds": Array(listed.prefix(50))]))
            return listed + [String(decoding: detail.body, as: UTF8.self)]
        }
        let first = try ids(seed: 9)
        #expect(try ids(seed: 9) == first)
        #expect(try ids(seed: 10) != first)
    }
}
