@testable import AWSSandbox
import Foundation
import Testing

@Suite struct STSAssumeRoleTests {
    let harness = ServerTestHarness()

    @Test func issuesTemporaryCredentialsInAWSShape() throws {
        let response = harness.sts("AssumeRole", ["RoleArn": ServerTestScenario.roleBOne, "RoleSessionName": "chargeback",
                                                  "ExternalId": "ext-one", "DurationSeconds": "1800"])
        #expect(response.status == 200)
        #expect(response.text.hasPrefix("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>"))
        #expect(try response.xmlValue("AccessKeyId").hasPrefix("ASIA"))
        #expect(try !response.xmlValue("SessionToken").isEmpty)
        let expiration = try Date(response.xmlValue("Expiration"), strategy: .iso8601)
        #expect(expiration.timeIntervalSince(harness.now) == 1800)
        #expect(try response.xmlValue("Arn") == "arn:aws:sts::222222222222:assumed-role/role-b/chargeback")
        #expect(try response.xmlValue("AssumedRoleId").hasPrefix("AROA"))
        #expect(try response.xmlValue("AssumedRoleId").hasSuffix(":chargeback"))
        #expect(response.text.contains("<ResponseMetadata><RequestId>"))
        #expect(!response.text.contains("PackedPolicySize"))
    }

    @Test func callerIdentityOfASessionNamesTheAssumedRole() throws {
        let session = try harness.roleBOneSession()
        let identity = harness.sts("GetCallerIdentity", as: session)
        #expect(try identity.xmlValue("Account") == ServerTestScenario.buOne)
        #expect(try identity.xmlValue("Arn") == "arn:aws:sts::222222222222:assumed-role/role-b/test-session")
        #expect(try identity.xmlValue("UserId").hasSuffix(":test-session"))
    }

    @Test(arguments: [
        (nil as String?, false),
        ("ext-one", true),
        ("ext-two", false),
    ])
    func externalIdStringEquals(externalId: String?, allowed: Bool) {
        var parameters = ["RoleArn": ServerTestScenario.roleBOne, "RoleSessionName": "s1"]
        parameters["ExternalId"] = externalId
        let response = harness.sts("AssumeRole", parameters)
        #expect((response.status == 200) == allowed)
        if !allowed {
            #expect(response.errorCode == "AccessDenied")
            #expect(response.text.contains("User: arn:aws:iam::111111111111:user/reporter is not authorized to perform: sts:AssumeRole on resource: \(ServerTestScenario.roleBOne)"))
        }
    }

    @Test(arguments: [
        ("arn:aws:quicksight:us-east-1:111111111111:datasource/risk-1", true),
        ("arn:aws:quicksight:eu-west-1:111111111111:datasource/risk-9", true),
        ("arn:aws:quicksight:us-east-1:111111111111:datasource/risk-10", false),
        ("arn:aws:quicksight:us-east-1:111111111111:datasource/retail", false),
    ])
    func externalIdStringLike(externalId: String, allowed: Bool) {
        let response = harness.sts("AssumeRole", ["RoleArn": ServerTestScenario.likeRole, "RoleSessionName": "s1", "ExternalId": externalId])
        #expect((response.status == 200) == allowed)
    }

    @Test func untrustedPrincipalIsDenied() throws {
        // Role B trusts only the central account; a BU-one session is not trusted by BU two's Role B.
        let buOne = try harness.roleBOneSession()
        let response = harness.sts("AssumeRole", ["RoleArn": ServerTestScenario.roleBTwo, "RoleSessionName": "s1", "ExternalId": "ext-two"], as: buOne)
        #expect(response.errorCode == "AccessDenied")
    }

    @Test func missingRoleIsAccessDenied() {
        let response = harness.sts("AssumeRole", ["RoleArn": "arn:aws:iam::222222222222:role/nope", "RoleSessionName": "s1"])
        #expect(response.status == 403)
        #expect(response.errorCode == "AccessDenied")
        #expect(response.text.contains("<Type>Sender</Type>"))
    }

    @Test func roleSessionNeedsMayAssume() throws {
        let session = try harness.roleBOneSession()
        // Role B's sessions have no may_assume, even for a role that trusts everyone.
        let response = harness.sts("AssumeRole", ["RoleArn": ServerTestScenario.likeRole, "RoleSessionName": "s1",
                                                  "ExternalId": "arn:aws:quicksight:us-east-1:1:datasource/risk-1"], as: session)
        #expect(response.errorCode == "AccessDenied")
    }

    @Test func roleChainingIsCappedAtOneHour() throws {
        let roleA = try harness.assume(ServerTestScenario.roleA)
        let tooLong = harness.sts("AssumeRole", ["RoleArn": ServerTestScenario.roleBOne, "RoleSessionName": "s1",
                                                 "ExternalId": "ext-one", "DurationSeconds": "3601"], as: roleA)
        #expect(tooLong.errorCode == "ValidationError")
        #expect(tooLong.text.contains("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."))
        _ = try harness.assume(ServerTestScenario.roleBOne, externalId: "ext-one", duration: 3600, as: roleA)
        // A user's AssumeRole is not chaining: up to the role's maximum is fine.
        _ = try harness.assume(ServerTestScenario.roleBOne, externalId: "ext-one", duration: 43200)
    }

    @Test func scopeDownPolicyAllowsOnlyTheNamedRoleB() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::222222222222:role/role-b"}]}"#
        let roleA = try harness.assume(ServerTestScenario.roleA, policy: policy)
        _ = try harness.assume(ServerTestScenario.roleBOne, externalId: "ext-one", as: roleA)
        let other = harness.sts("AssumeRole", ["RoleArn": ServerTestScenario.roleBTwo, "RoleSessionName": "s1", "ExternalId": "ext-two"], as: roleA)
        #expect(other.errorCode == "AccessDenied")
        // Without the session policy Role A may assume BU two's Role B.
        let unrestricted = try harness.assume(ServerTestScenario.roleA)
        _ = try harness.assume(ServerTestScenario.roleBTwo, externalId: "ext-two", as: unrestricted)
    }

    @Test func reportsPackedPolicySizeWhenAPolicyIsPassed() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#
        let response = harness.sts("AssumeRole", ["RoleArn": ServerTestScenario.roleA, "RoleSessionName": "s1", "Policy": policy])
        let size = try #require(Int(response.xmlValue("PackedPolicySize")))
        #expect(size > 0 && size < 100)
    }

    @Test(arguments: [
        (["RoleSessionName": "x"], "ValidationError"),
        (["RoleSessionName": String(repeating: "a", count: 65)], "ValidationError"),
        (["RoleSessionName": "has space"], "ValidationError"),
        (["ExternalId": "x"], "ValidationError"),
        (["DurationSeconds": "899"], "ValidationError"),
        (["DurationSeconds": "43201"], "ValidationError"),
        (["Policy": "not json"], "MalformedPolicyDocument"),
        (["Policy": String(repeating: " ", count: 2049)], "ValidationError"),
    ])
    func rejectsInvalidParameters(override: [String: String], code: String) {
        var parameters = ["RoleArn": ServerTestScenario.roleA, "RoleSessionName": "good.name@x"]
        parameters.merge(override) { $1 }
        let response = harness.sts("AssumeRole", parameters)
        #expect(response.status == 400)
        #expect(response.errorCode == code)
    }

    @Test func durationBeyondTheRolesMaximumIsRejected() {
        let response = harness.sts("AssumeRole", ["RoleArn": ServerTestScenario.likeRole, "RoleSessionName": "s1",
                                                  "ExternalId": "arn:aws:quicksight:x:datasource/risk-1", "DurationSeconds": "7200"])
        #expect(response.errorCode == "ValidationError")
        #expect(response.text.contains("MaxSessionDuration"))
    }

    @Test func webIdentityIsUnsignedAndNeedsAFederatedTrust() throws {
        func call(_ role: String, token: String) -> SandboxHTTPResponse {
            let body = "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=\(ServerTestSigner.formEncode(role))&RoleSessionName=web&WebIdentityToken=\(token)"
            return harness.router.respond(to: SandboxHTTPRequest(method: "POST", uri: "/",
                headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Data(body.utf8)))
        }
        let granted = call(ServerTestScenario.webRole, token: "eyJhbGciOi.token")
        #expect(granted.status == 200)
        #expect(try granted.xmlValue("Arn") == "arn:aws:sts::111111111111:assumed-role/web-role/web")
        #expect(call(ServerTestScenario.roleBOne, token: "eyJhbGciOi.token").errorCode == "AccessDenied")
        #expect(call(ServerTestScenario.webRole, token: "").errorCode == "ValidationError")
    }
}
