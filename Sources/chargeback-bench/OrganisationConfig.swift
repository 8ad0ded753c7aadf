import AWSSandbox
import ChargebackCore

/// The `chargeback.yaml` a user would write for a sandbox organisation, derived from its Quick
/// data sources the way `chargeback discover` finds them: each Athena data source names a BU's
/// Role B, and its ARN is the ExternalId that role expects.
enum OrganisationConfig {
    static func yaml(for scenario: Scenario) throws -> String {
        guard let central = scenario.account(SandboxScenarios.centralAccountId) else {
            throw BenchError("the scenario has no central account \(SandboxScenarios.centralAccountId)")
        }
        var lines = [
            "version: 1",
            "central:",
            "  account_id: \"\(central.id)\"",
            "  region: \(SandboxScenarios.quickRegion)",
            "  run_as_role_arn: \(SandboxScenarios.runAsRoleArn)",
            "business_units:",
        ]
        for (index, source) in central.quickDataSources.enumerated() where source.type == "ATHENA" {
            guard let roleB = source.consumerAccountRoleArn.flatMap(IAMRoleARN.init) else { continue }
            lines += [
                "  - id: bu-\(index + 1)",
                "    account_id: \"\(roleB.accountId)\"",
                "    role_arn: \(roleB.text)",
                "    external_id: \(SandboxScenarios.dataSourceArn(source.id))",
                "    region: \(source.region)",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func config(for scenario: Scenario) throws -> ChargebackConfig {
        try ConfigLoader.parse(yaml(for: scenario), path: "bench.yaml")
    }
}
