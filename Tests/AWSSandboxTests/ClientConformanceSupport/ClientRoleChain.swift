import AWSCore
import AWSSandbox
import AWSServices
import Foundation

/// The demo's role chain driven with `STSClient`: the reporter assumes Role A with a scope-down
/// session policy, then Role A's session assumes a business unit's Role B with its ExternalId.
struct ClientRoleChain: Sendable {
    let sandbox: ClientSandbox
    var retry: RetryPolicy = ClientSandbox.singleAttempt

    /// A session policy that lets Role A's session assume only `roleBArns`.
    static func scopeDownPolicy(allowing roleBArns: [String]) -> String {
        let resources = roleBArns.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":["#
            + resources + "]}]}"
    }

    /// Role A assumed by the reporter, scoped down to `units`' Role B (no policy when nil).
    func roleA(scopedTo units: [SampleBusinessUnit]?) async throws -> AssumeRoleOutput {
        let sts = STSClient(client: sandbox.client(ClientSandbox.reporter, retry: retry))
        return try await sts.assumeRole(AssumeRoleInput(
            roleArn: SandboxScenarios.runAsRoleArn, roleSessionName: "chargeback-role-a",
            policy: units.map { Self.scopeDownPolicy(allowing: $0.map(\.roleBArn)) }))
    }

    /// `unit`'s Role B assumed from a Role A session with `externalId` (the unit's own by default).
    func roleB(_ unit: SampleBusinessUnit, from roleA: AWSCredentials, externalId: String? = nil) async throws
        -> AssumeRoleOutput
    {
        let sts = STSClient(client: sandbox.client(roleA, retry: retry))
        return try await sts.assumeRole(AssumeRoleInput(
            roleArn: unit.roleBArn, roleSessionName: "chargeback-\(unit.rawValue)",
            externalId: externalId ?? unit.externalId))
    }

    /// Role B credentials of `unit` through a Role A session scoped down to that unit.
    func credentials(for unit: SampleBusinessUnit) async throws -> AWSCredentials {
        let roleA = try await roleA(scopedTo: [unit])
        return try await roleB(unit, from: roleA.credentials).credentials
    }
}
