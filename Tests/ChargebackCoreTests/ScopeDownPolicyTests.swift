import AWSCore
import AWSSandbox
import AWSServices
import Foundation
import Testing
@testable import ChargebackCore

@Suite("Role A's scope-down session policy")
struct ScopeDownPolicyTests {
    @Test("allows sts:AssumeRole on exactly the given Role B and nothing else", arguments: SampleOrganisation.unitIds)
    func allowsOnlyAssumeRoleOfOneRole(unitId: String) throws {
        let roleB = try SampleOrganisation.unit(unitId).roleArn.text
        let text = ScopeDownPolicy.allowingAssumeRole(of: roleB)

        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["Version", "Statement"])
        #expect(document["Version"] as? String == "2012-10-17")
        let statements = try #require(document["Statement"] as? [[String: Any]])
        #expect(statements.count == 1)
        let statement = try #require(statements.first)
        #expect(Set(statement.keys) == ["Effect", "Action", "Resource"])
        #expect(statement["Effect"] as? String == "Allow")
        #expect(statement["Action"] as? String == "sts:AssumeRole")
        #expect(statement["Resource"] as? String == roleB)
    }

    /// The exact text STS receives, written out: compact, keys sorted, ARN slashes unescaped.
    @Test("is exactly the expected compact JSON document", arguments: [
        ("arn:aws:iam::222222222222:role/path/qs-athena-consumer-role",
         #"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Resource":"arn:aws:iam::222222222222:role/path/qs-athena-consumer-role"}],"Version":"2012-10-17"}"#),
        ("arn:aws:iam::333333333333:role/qs-athena-consumer-role",
         #"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Resource":"arn:aws:iam::333333333333:role/qs-athena-consumer-role"}],"Version":"2012-10-17"}"#),
    ])
    func exactText(roleB: String, expected: String) {
        #expect(ScopeDownPolicy.allowingAssumeRole(of: roleB) == expected)
    }

    @Test("stays far below STS's 2048-character limit for the longest role ARN IAM allows")
    func fitsWithinSTSLimit() {
        // IAM: role names up to 64 characters, paths up to 512.
        let path = "/" + String(repeating: "p", count: 510) + "/"
        let roleB = "arn:aws:iam::222222222222:role" + path + String(repeating: "r", count: 64)
        #expect(ScopeDownPolicy.allowingAssumeRole(of: roleB).count < 2048)
    }
}

@Suite("STS session names")
struct RoleSessionNameTests {
    /// STS: 2–64 characters of `[\w+=,.@-]`.
    static func isValidSessionName(_ name: String) -> Bool {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-")
        return (2...64).contains(name.count) && name.unicodeScalars.allSatisfy(allowed.contains)
    }

    @Test("name the tool and the BU", arguments: ["retail", "invest", "risk", "a", "bu-2024"])
    func namesToolAndUnit(unitId: String) {
        let name = RoleSessionName.forBusinessUnit(unitId)
        #expect(name == "chargeback-\(unitId)")
        #expect(Self.isValidSessionName(name))
    }

    @Test("keep the longest BU id (40 characters) whole")
    func longestUnitId() {
        let id = String(repeating: "abcdefghij", count: 4)
        let name = RoleSessionName.forBusinessUnit(id)
        #expect(name == "chargeback-" + id)
        #expect(name.count == 51)
        #expect(Self.isValidSessionName(name))
    }

    @Test("stay within STS's limits whatever the id", arguments: [
        String(repeating: "x", count: 200), "unit with spaces", "bü/ünit", "",
    ])
    func alwaysValid(unitId: String) {
        let name = RoleSessionName.forBusinessUnit(unitId)
        #expect(Self.isValidSessionName(name), "\(name)")
        #expect(name.hasPrefix(RoleSessionName.prefix))
    }

    @Test("the central session name is valid")
    func central() {
        #expect(RoleSessionName.central == "chargeback-central")
        #expect(Self.isValidSessionName(RoleSessionName.central))
    }
}

@Suite("Scope-down policy, enforced by the sandbox", .timeLimit(.minutes(1)))
struct ScopeDownEnforcementTests {
    @Test("a Role A session made for retail cannot assume invest's Role B, but can assume retail's")
    func roleASessionIsScopedToOneUnit() async throws {
        let retail = try SampleOrganisation.unit("retail")
        let invest = try SampleOrganisation.unit("invest")
        try await withSandbox { sandbox in
            let session = sandbox.chain(runAsRoleArn: SampleOrganisation.runAsRoleArn).session(for: retail)
            let roleA = try #require(session.roleA)
            let sts = STSClient(client: sandbox.client(roleA))

            let denied = await #expect(throws: AWSServiceError.self) {
                _ = try await sts.assumeRole(AssumeRoleInput(
                    roleArn: invest.roleArn.text, roleSessionName: "chargeback-invest", externalId: invest.externalId))
            }
            #expect(denied?.code == "AccessDenied")

            let allowed = try await sts.assumeRole(AssumeRoleInput(
                roleArn: retail.roleArn.text, roleSessionName: "chargeback-retail", externalId: retail.externalId))
            #expect(allowed.assumedRoleUser.arn.hasPrefix("arn:aws:sts::\(retail.accountId):assumed-role/"))
        }
    }

    @Test("without the policy the same Role A may assume invest's Role B: the policy is what stops it")
    func unscopedRoleAReachesEveryUnit() async throws {
        let invest = try SampleOrganisation.unit("invest")
        try await withSandbox { sandbox in
            let reporterSTS = STSClient(client: sandbox.client())
            let roleA = try await reporterSTS.assumeRole(AssumeRoleInput(
                roleArn: SampleOrganisation.runAsRoleArn, roleSessionName: "unscoped")).credentials
            let sts = STSClient(client: sandbox.client(StaticCredentialProvider(roleA)))
            let output = try await sts.assumeRole(AssumeRoleInput(
                roleArn: invest.roleArn.text, roleSessionName: "chargeback-invest", externalId: invest.externalId))
            #expect(output.assumedRoleUser.arn.hasPrefix("arn:aws:sts::\(invest.accountId):assumed-role/"))
        }
    }
}
