import Foundation
import Testing
@testable import AWSSandbox

@Suite struct SyntheticScenarioTests {
    static let now = EngineProbe.date("2026-11-20T10:00:00Z")

    @Test func parsesASpecification() throws {
        let spec = try SyntheticSpec(parsing: "accounts=200,queries=5000,workgroups=2,seed=7")
        #expect(spec == SyntheticSpec(accounts: 200, queries: 5_000, workgroups: 2, seed: 7))
        #expect(try SyntheticSpec(parsing: "accounts=3") == SyntheticSpec(accounts: 3))
    }

    @Test(arguments: [
        ("acounts=2", "unknown key 'acounts'"),
        ("accounts=two", "accounts must be an integer"),
        ("accounts=0", "accounts must be an integer from 1"),
        ("queries=-5", "queries must be an integer"),
        ("workgroups", "'workgroups' is not key=value"),
        ("seed=1,seed=2", "seed is given twice"),
        ("seed=-1", "seed must be a non-negative integer"),
    ])
    func rejectsBadSpecifications(_ text: String, _ reason: String) {
        #expect(performing: { try SyntheticSpec(parsing: text) }, throws: { error in
            (error as? SyntheticSpecError)?.description.contains(reason) == true
        })
    }

    @Test func buildsACentralAccountAndBusinessUnitsLikeTheSample() throws {
        let scenario = SandboxScenarios.synthetic(SyntheticSpec(accounts: 3, queries: 301, workgroups: 2, seed: 5), now: Self.now)
        #expect(scenario.accounts.count == 4)
        let central = try #require(scenario.account("111111111111"))
        #expect(central.users.first?.accessKeyId == SandboxScenarios.sampleReporterAccessKeyId)
        #expect(central.quickDataSources.count == 3)
        #expect(central.costLines.contains { $0.service == "Amazon QuickSight" })
        for unit in scenario.accounts.dropFirst() {
            #expect(unit.id.count == 12)
            #expect(unit.workgroups.map(\.name) == ["primary", "wg-2"])
            #expect(unit.queryGenerators.map(\.count).reduce(0, +) == 301)
            let source = try #require(central.quickDataSources.first { $0.consumerAccountRoleArn == "arn:aws:iam::\(unit.id):role/qs-athena-consumer-role" })
            #expect(unit.roles.first?.externalIdEquals == ["arn:aws:quicksight:us-east-1:111111111111:datasource/\(source.id)"])
            #expect(Set(unit.costLines.filter { $0.recordType == "Usage" }.map(\.service)) == ["Amazon Athena", "AWS Glue", "Amazon Simple Storage Service"])
            // Quick's data source queries through a workgroup the BU has.
            #expect(unit.workgroups.contains { $0.name == source.workgroup })
        }
    }

    /// A large organisation expands every generated execution (how fast is for `make bench`).
    @Test func largeOrganisationsExpandEveryExecution() throws {
        let scenario = SandboxScenarios.synthetic(SyntheticSpec(accounts: 40, queries: 5_000, workgroups: 2, seed: 7), now: Self.now)
        let engine = AthenaEngine(scenario: scenario)
        let page = try EngineProbe.object(engine, EngineProbe.json11("Athena", "ListQueryExecutions", account: SandboxScenarios.syntheticAccountId(40), now: Self.now))
        #expect((page["QueryExecutionIds"] as? [String])?.count == 50)
        #expect(engine.store.records.count == 200_000)
    }
}
