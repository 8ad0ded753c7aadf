import Foundation
import Testing
@testable import AWSSandbox

@Suite struct SampleScenarioTests {
    static let now = EngineProbe.date("2026-11-20T10:00:00Z")
    static let units = ["222222222222": "athena-retail", "333333333333": "athena-invest", "444444444444": "athena-risk"]

    @Test func hasTheCentralAccountAndThreeBusinessUnitsWithFixedIds() throws {
        let scenario = SandboxScenarios.sample(now: Self.now)
        #expect(scenario.accounts.map(\.id) == ["111111111111", "222222222222", "333333333333", "444444444444"])
        let central = try #require(scenario.account("111111111111"))
        #expect(central.users.map(\.accessKeyId) == [SandboxScenarios.sampleReporterAccessKeyId])
        let roleA = try #require(central.roles.first { $0.name == "qs-athena-cross-account-role-a" })
        #expect(roleA.trustedPrincipals == ["arn:aws:iam::111111111111:root"])
        #expect(roleA.allowedActions == ["sts:AssumeRole"])
        #expect(Set(roleA.mayAssume) == Set(Self.units.keys.map { "arn:aws:iam::\($0):role/qs-athena-consumer-role" }))

        for (accountId, dataSourceId) in Self.units {
            let account = try #require(scenario.account(accountId))
            let roleB = try #require(account.roles.first { $0.name == "qs-athena-consumer-role" })
            #expect(roleB.externalIdEquals == ["arn:aws:quicksight:us-east-1:111111111111:datasource/\(dataSourceId)"])
            #expect(roleB.allowedActions.contains("athena:*") && roleB.allowedActions.contains("ce:GetCostAndUsage"))
            let source = try #require(central.quickDataSources.first { $0.id == dataSourceId })
            #expect(source.consumerAccountRoleArn == "arn:aws:iam::\(accountId):role/qs-athena-consumer-role")
            #expect(source.roleArn == "arn:aws:iam::111111111111:role/qs-athena-cross-account-role-a")
            #expect(source.workgroup == "bi")
            #expect(Set(account.workgroups.map(\.name)).isSuperset(of: ["primary", "bi"]))
        }
        let risk = try #require(scenario.account("444444444444"))
        #expect(risk.workgroups.contains { $0.name == "models" && $0.region == "eu-west-1" })
        let workgroups = scenario.accounts.flatMap(\.workgroups)
        #expect(workgroups.contains { $0.bytesScannedCutoffPerQuery == nil })
        #expect(workgroups.contains { $0.resultEncryption == nil })
    }

    @Test func theCIReporterRoleTrustsGitHubAndGitLabTokensAndReachesOnlyRoleA() throws {
        let central = try #require(SandboxScenarios.sample(now: Self.now).account("111111111111"))
        let role = try #require(central.roles.first { $0.name == "chargeback-ci-reporter" })
        #expect(role.trustedPrincipals == [
            "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com",
            "arn:aws:iam::111111111111:oidc-provider/gitlab.com",
        ])
        #expect(role.trustsWebIdentity)
        #expect(role.mayAssume == ["arn:aws:iam::111111111111:role/qs-athena-cross-account-role-a"])
        #expect(!role.allowedActions.contains { $0.hasPrefix("athena:") || $0 == "*" })
    }

    @Test func quickResourcesCoverEveryAttributionCase() throws {
        let central = try #require(SandboxScenarios.sample(now: Self.now).account("111111111111"))
        let sources = Dictionary(uniqueKeysWithValues: central.quickDataSources.map { ($0.id, $0) })
        let spice = central.quickDataSets.filter { $0.importMode == "SPICE" }
        #expect(spice.contains { $0.dataSourceIds.count == 2 })
        #expect(spice.contains { $0.dataSourceIds.allSatisfy { sources[$0]?.type == "S3" } })
        #expect(central.quickDataSets.contains { $0.importMode == "DIRECT_QUERY" })
        for unit in Self.units.values { #expect(spice.contains { $0.dataSourceIds == [unit] }) }
        let usageTypes = Set(central.costLines.map(\.usageType))
        #expect(usageTypes.isSuperset(of: ["QS-User-Enterprise-Month", "QS-Reader-Usage-Paid-Session",
                                          "QS-Reader-Capacity-400K-Usage", "USE1-QS-Enterprise-SPICE", "QS-Author-Month",
                                          "QS-Alerts-Evaluations"]))
        #expect(central.costLines.filter { $0.recordType == "Usage" }.allSatisfy { $0.service == "Amazon QuickSight" })
    }

    @Test func isDeterministicForTheSameNow() throws {
        #expect(SandboxScenarios.sample(now: Self.now) == SandboxScenarios.sample(now: Self.now))
    }

    /// Lists and fetches every visible execution of an account through the engine.
    static func executions(_ engine: AthenaEngine, account: String, region: String, workgroup: String) throws -> [[String: Any]] {
        var ids: [String] = []
        var token: String?
        repeat {
            var body: [String: Any] = ["WorkGroup": workgroup]
            if let token { body["NextToken"] = token }
            let page = try EngineProbe.object(engine, EngineProbe.json11("Athena", "ListQueryExecutions", account: account, region: region, body: body, now: now))
            ids += page["QueryExecutionIds"] as? [String] ?? []
            token = page["NextToken"] as? String
        } while token != nil
        var executions: [[String: Any]] = []
        for start in stride(from: 0, to: ids.count, by: 50) {
            let reply = try EngineProbe.object(engine, EngineProbe.json11("Athena", "BatchGetQueryExecution", account: account, region: region,
                                                                      body: ["QueryExecutionIds": Array(ids[start..<min(ids.count, start + 50)])], now: now))
            executions += reply["QueryExecutions"] as? [[String: Any]] ?? []
        }
        return executions
    }

    @Test func queryHistoryHasTheWholeMixOfStates() throws {
        let engine = AthenaEngine(scenario: SandboxScenarios.sample(now: Self.now))
        let executions = try Self.executions(engine, account: "222222222222", region: "us-east-1", workgroup: "bi")
        #expect(executions.count > 500)
        func state(_ e: [String: Any]) -> String? { (e["Status"] as? [String: Any])?["State"] as? String }
        func bytes(_ e: [String: Any]) -> Int64 { ((e["Statistics"] as? [String: Any])?["DataScannedInBytes"] as? NSNumber)?.int64Value ?? -1 }
        #expect(executions.contains { $0["StatementType"] as? String == "DDL" })
        #expect(executions.contains { state($0) == "FAILED" })
        #expect(executions.contains { state($0) == "CANCELLED" && bytes($0) > 0 })
        #expect(executions.contains { state($0) == "CANCELLED" && bytes($0) == 0 })
        #expect(executions.contains { (($0["Statistics"] as? [String: Any])?["ResultReuseInformation"] as? [String: Any])?["ReusedPreviousResult"] as? Bool == true })
        #expect(executions.contains { state($0) == "SUCCEEDED" && bytes($0) > 0 && bytes($0) < 10 * 1_048_576 })
        let europe = try Self.executions(engine, account: "444444444444", region: "eu-west-1", workgroup: "models")
        #expect(!europe.isEmpty)
    }

    /// The Athena bill over the days within retention, against what the visible executions cost
    /// by Athena's rule ($5/TB, per-query MB rounding, 10 MB minimum).
    @Test(arguments: [("222222222222", 0.95...1.05), ("333333333333", 0.95...1.05), ("444444444444", 1.10...1.20)])
    func athenaBillTracksTheExecutions(_ account: String, _ ratio: ClosedRange<Double>) throws {
        let scenario = SandboxScenarios.sample(now: Self.now)
        let athena = AthenaEngine(scenario: scenario)
        let today = Calendar(identifier: .gregorian).startOfDay(for: Self.now)
        let firstDay = today.addingTimeInterval(-40 * 86_400)
        var estimated = Decimal(0)
        let workgroups = try #require(scenario.account(account)).workgroups
        for workgroup in workgroups {
            for execution in try Self.executions(athena, account: account, region: workgroup.region, workgroup: workgroup.name) {
                let status = execution["Status"] as? [String: Any] ?? [:]
                let submitted = Date(timeIntervalSince1970: (status["SubmissionDateTime"] as? NSNumber)?.doubleValue ?? 0)
                guard submitted >= firstDay, submitted < today else { continue }
                let statistics = execution["Statistics"] as? [String: Any] ?? [:]
                let bytes = (statistics["DataScannedInBytes"] as? NSNumber)?.int64Value ?? 0
                let reused = (statistics["ResultReuseInformation"] as? [String: Any])?["ReusedPreviousResult"] as? Bool ?? false
                let state = status["State"] as? String
                guard execution["StatementType"] as? String != "DDL", !reused,
                      state == "SUCCEEDED" || (state == "CANCELLED" && bytes > 0) else { continue }
                let megabytes = max((bytes + 1_048_575) / 1_048_576, 10)
                estimated += Decimal(megabytes) * 5 / 1_048_576
            }
        }
        let costs = CostExplorerEngine(scenario: scenario)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let body: [String: Any] = [
            "TimePeriod": ["Start": formatter.string(from: firstDay), "End": formatter.string(from: today)],
            "Granularity": "MONTHLY", "Metrics": ["UnblendedCost"],
            "Filter": ["Dimensions": ["Key": "SERVICE", "Values": ["Amazon Athena"]]],
        ]
        let object = try EngineProbe.object(costs, EngineProbe.json11("CostExplorer", "GetCostAndUsage", account: account, body: body, now: Self.now))
        let billed = (object["ResultsByTime"] as? [[String: Any]] ?? []).compactMap {
            (($0["Total"] as? [String: Any])?["UnblendedCost"] as? [String: Any])?["Amount"] as? String
        }.compactMap { Decimal(string: $0) }.reduce(0, +)
        #expect(estimated > 10)
        let observed = NSDecimalNumber(decimal: billed / estimated).doubleValue
        #expect(ratio.contains(observed), "billed \(billed) vs estimated \(estimated)")
    }

    @Test func billsHaveSeveralUsageTypesPerService() throws {
        let retail = try #require(SandboxScenarios.sample(now: Self.now).account("222222222222"))
        for service in ["Amazon Athena", "AWS Glue", "Amazon Simple Storage Service"] {
            #expect(retail.costLines.contains { $0.service == service })
        }
        #expect(Set(retail.costLines.filter { $0.service == "AWS Glue" }.map(\.usageType)).count >= 2)
        #expect(Set(retail.costLines.filter { $0.service == "Amazon Simple Storage Service" }.map(\.usageType)).count >= 2)
        let days = Set(retail.costLines.map(\.date)).sorted()
        // Two full months before November and November up to yesterday.
        #expect(days.first == "2026-09-01")
        #expect(days.last == "2026-11-19")
    }
}
