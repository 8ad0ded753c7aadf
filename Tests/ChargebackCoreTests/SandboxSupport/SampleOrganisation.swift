import AWSCore
import AWSSandbox
import ChargebackCore
import Foundation

/// The sandbox's sample organisation as the tests use it: a fixed start time, the reporter's
/// keys, the sample configuration, and variants of both.
enum SampleOrganisation {
    /// A fixed "now", so generated history and cost dates do not depend on when tests run.
    static let start = ISO8601DateFormatter().date(from: "2026-06-10T12:00:00Z")!
    static let scenario = SandboxScenarios.sample(now: start)
    static let region = SandboxScenarios.quickRegion
    static let centralAccountId = SandboxScenarios.centralAccountId
    static let runAsRoleArn = SandboxScenarios.runAsRoleArn

    static let reporter = StaticCredentialProvider(AWSCredentials(
        accessKeyId: SandboxScenarios.sampleReporterAccessKeyId,
        secretAccessKey: SandboxScenarios.sampleReporterSecretAccessKey))

    /// Keys the sandbox has never issued.
    static let unknownKeys = StaticCredentialProvider(AWSCredentials(
        accessKeyId: "AKIAUNKNOWNREPORTER9", secretAccessKey: "notAKnownSecretForTheSandbox000000000000"))

    /// `chargeback init`'s sample configuration, which targets this organisation.
    static func config() throws -> ChargebackConfig {
        try ConfigLoader.parse(SampleConfig.text, path: "chargeback.yaml")
    }

    /// One BU of the sample configuration.
    static func unit(_ id: String) throws -> BusinessUnitConfig {
        guard let unit = try config().businessUnit(id: id) else {
            throw SampleOrganisationError(message: "the sample configuration has no business unit '\(id)'")
        }
        return unit
    }

    static let unitIds = ["retail", "invest", "risk"]

    static func roleB(account: String) -> String {
        SandboxScenarios.roleArn(account: account, name: SandboxScenarios.consumerRoleName)
    }

    /// The sample scenario with Role A trusting only another account, so the reporter may not assume it.
    static func scenarioWhereRoleADistrustsReporter() -> Scenario {
        var changed = scenario
        for account in changed.accounts.indices {
            for role in changed.accounts[account].roles.indices
            where changed.accounts[account].roles[role].name == SandboxScenarios.runAsRoleName {
                changed.accounts[account].roles[role].trustedPrincipals = ["arn:aws:iam::999999999999:root"]
            }
        }
        return changed
    }

    /// The sample scenario with `count` more workgroups in `account`'s us-east-1.
    static func scenario(addingWorkgroups count: Int, to account: String) -> Scenario {
        var changed = scenario
        if let index = changed.accounts.firstIndex(where: { $0.id == account }) {
            changed.accounts[index].workgroups += (1...count).map {
                ScenarioWorkgroup(name: "team-\($0)", region: region)
            }
        }
        return changed
    }
}

struct SampleOrganisationError: Error, CustomStringConvertible {
    var message: String
    var description: String { "test setup: \(message)" }
}
