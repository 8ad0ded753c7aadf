import ChargebackCore
import Foundation
// The generator's expansion is internal to the sandbox; the simulation derives its expected
// executions from it instead of from anything the sandbox serves.
@testable import AWSSandbox

/// The organisation the daily-collection simulation runs against: a central account with the
/// reporter and Role A, one BU account with Role B (ExternalId) and a single workgroup whose
/// query history spans 75 days from `dayZero`.
enum DailyCollectionSimulationScenario {
    static let day: TimeInterval = 86_400
    /// Athena's query-history retention.
    static let retention: TimeInterval = 45 * day
    static let dayZero = ISO8601DateFormatter().date(from: "2026-01-05T00:00:00Z")!
    static let historyDays = 75
    /// The sandbox clock starts here, so the first collection sees only the first two weeks and
    /// the rest of the history is still "in the future".
    static let clockStartDay = 14

    static let centralAccountId = SandboxScenarios.centralAccountId
    static let unitAccountId = "555555555555"
    static let unitId = "analytics"
    static let region = "us-east-1"
    static let workgroup = "analytics"
    static let runAsRoleArn = SandboxScenarios.roleArn(account: centralAccountId, name: SandboxScenarios.runAsRoleName)
    static let roleBArn = SandboxScenarios.roleArn(account: unitAccountId, name: SandboxScenarios.consumerRoleName)
    static let externalId = SandboxScenarios.dataSourceArn("athena-analytics")

    static func date(day: Int) -> Date { dayZero.addingTimeInterval(Double(day) * Self.day) }

    /// About 40 executions a day, with more DDL, FAILED and CANCELLED than the defaults so
    /// every kind shows up many times.
    static let generator = ScenarioQueryGenerator(
        workgroup: workgroup, region: region, count: 3_000, from: date(day: 0), to: date(day: historyDays),
        seed: 45_060, meanBytes: 3_000_000_000, ddlFraction: 0.08, failedFraction: 0.07, cancelledFraction: 0.05)

    static func scenario() -> Scenario {
        let central = ScenarioAccount(
            id: centralAccountId, name: "central",
            users: [ScenarioUser(name: "reporter", accessKeyId: SandboxScenarios.sampleReporterAccessKeyId,
                                 secretAccessKey: SandboxScenarios.sampleReporterSecretAccessKey)],
            roles: [ScenarioRole(name: SandboxScenarios.runAsRoleName,
                                 trustedPrincipals: ["arn:aws:iam::\(centralAccountId):root"],
                                 mayAssume: [roleBArn], allowedActions: ["sts:AssumeRole"])])
        let unit = ScenarioAccount(
            id: unitAccountId, name: "analytics",
            roles: [ScenarioRole(name: SandboxScenarios.consumerRoleName,
                                 trustedPrincipals: ["arn:aws:iam::\(centralAccountId):root"],
                                 externalIdEquals: [externalId], allowedActions: ["athena:*", "ce:GetCostAndUsage", "sts:GetCallerIdentity"])],
            workgroups: [ScenarioWorkgroup(name: workgroup, region: region)],
            queryGenerators: [generator])
        return Scenario(clock: date(day: clockStartDay), accounts: [central, unit])
    }

    /// The BU as a configuration file states it, chained through Role A.
    static func config() throws -> ChargebackConfig {
        try ConfigLoader.parse("""
            version: 1
            central:
              account_id: "\(centralAccountId)"
              region: \(region)
              run_as_role_arn: \(runAsRoleArn)
            business_units:
              - id: \(unitId)
                account_id: "\(unitAccountId)"
                role_arn: \(roleBArn)
                external_id: \(externalId)
                region: \(region)
                workgroups: [\(workgroup)]
            """, path: "daily-collection.yaml")
    }

    /// An execution as the scenario defines it, independent of what the sandbox serves.
    struct Execution: Equatable {
        let id: String
        let submitted: Date
        let state: String
        let statementType: String
    }

    /// Every execution the generator expands into, oldest first.
    static func executions() -> [Execution] {
        var records: [AthenaExecutionRecord] = []
        QueryGeneratorExpander(generator: generator).expand(slot: 0, into: &records)
        return records
            .map { record in
                Execution(id: AthenaExecutionID.text(high: record.idHigh, low: record.idLow),
                          submitted: Date(timeIntervalSince1970: Double(record.submittedMillis) / 1000),
                          state: record.state.wireName, statementType: record.statement.wireName)
            }
            .sorted { $0.submitted < $1.submitted }
    }
}
