import AWSSandbox
import Foundation

/// A small organisation for the server's tests: a central account with a reporter user and
/// Role A, two business units with Role B each, and a role trusting federated identities.
enum ServerTestScenario {
    static let start = Date(timeIntervalSince1970: 1_790_000_000) // 2026-09-21
    static let central = "111111111111"
    static let buOne = "222222222222"
    static let buTwo = "333333333333"
    static let reporter = TestCredentials(accessKeyId: "AKIATESTREPORTER0001", secretAccessKey: "reporter/secret+KEY0000000000000000000000")
    static let roleA = "arn:aws:iam::111111111111:role/role-a"
    static let roleBOne = "arn:aws:iam::222222222222:role/role-b"
    static let roleBTwo = "arn:aws:iam::333333333333:role/role-b"
    static let likeRole = "arn:aws:iam::333333333333:role/role-like"
    static let webRole = "arn:aws:iam::111111111111:role/web-role"

    static func roleB(externalId: String) -> ScenarioRole {
        ScenarioRole(name: "role-b", trustedPrincipals: ["arn:aws:iam::111111111111:root"], externalIdEquals: [externalId],
                     allowedActions: ["athena:*", "ce:GetCostAndUsage", "sts:GetCallerIdentity"], maxSessionDuration: 43200)
    }

    static func make() -> Scenario {
        Scenario(clock: start, accounts: [
            ScenarioAccount(id: central, name: "central",
                users: [ScenarioUser(name: "reporter", accessKeyId: reporter.accessKeyId, secretAccessKey: reporter.secretAccessKey)],
                roles: [
                    ScenarioRole(name: "role-a", trustedPrincipals: ["arn:aws:iam::111111111111:root"],
                                 mayAssume: ["arn:aws:iam::*:role/role-b", likeRole], allowedActions: ["sts:AssumeRole"],
                                 maxSessionDuration: 43200),
                    ScenarioRole(name: "web-role", trustedPrincipals: ["federated:oidc"], allowedActions: ["athena:List*"]),
                ]),
            ScenarioAccount(id: buOne, name: "bu-one", roles: [roleB(externalId: "ext-one")]),
            ScenarioAccount(id: buTwo, name: "bu-two", roles: [
                roleB(externalId: "ext-two"),
                ScenarioRole(name: "role-like", trustedPrincipals: ["*"], externalIdLike: ["arn:aws:quicksight:*:datasource/risk-?"]),
            ]),
        ])
    }
}

/// Answers every call with what it was asked, so tests can see what the router passed on.
struct EchoEngine: SandboxServiceEngine {
    func handle(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        if call.operation == "GetWorkGroup" { throw .invalidRequest("WorkGroup is not found.") }
        return .json(["Operation": call.operation, "Account": call.accountId, "Service": call.service,
                      "Region": call.region, "Path": call.path, "Principal": call.principalArn])
    }
}

extension SandboxEngines {
    static let echo = SandboxEngines(athena: EchoEngine(), costExplorer: EchoEngine(), quickSight: EchoEngine())
}
