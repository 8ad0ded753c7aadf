@testable import AWSSandbox
import Foundation
import Testing

/// AWS's published SigV4 vectors (aws-sigv4-testsuite), checked through the verifier's own
/// canonicalisation so the test signer built on it is trustworthy.
@Suite struct AuthSigV4VectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var uri: String
        var headers: [String]
        var body: String
        var signedHeaders: [String]
        var signature: String
        var testDescription: String { name }
    }

    static let vectors = [
        Vector(name: "get-vanilla-query-order-key-case", method: "GET", uri: "/?Param2=value2&Param1=value1",
               headers: ["Host:example.amazonaws.com", "X-Amz-Date:20150830T123600Z"], body: "",
               signedHeaders: ["host", "x-amz-date"],
               signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        Vector(name: "post-x-www-form-urlencoded", method: "POST", uri: "/",
               headers: ["Content-Type:application/x-www-form-urlencoded", "Host:example.amazonaws.com", "X-Amz-Date:20150830T123600Z"],
               body: "Param1=value1", signedHeaders: ["content-type", "host", "x-amz-date"],
               signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
    ]

    @Test(arguments: vectors)
    func matchesPublishedSignature(_ vector: Vector) throws {
        let request = SandboxHTTPRequest(method: vector.method, uri: vector.uri, headers: vector.headers.map {
            let parts = $0.split(separator: ":", maxSplits: 1).map(String.init)
            return (parts[0], parts[1])
        }, body: Data(vector.body.utf8))
        let authorization = try #require(SigV4Authorization(header:
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=\(vector.signedHeaders.joined(separator: ";")), Signature=\(vector.signature)"))
        let canonical = SigV4Verifier.canonicalRequest(method: request.method, rawPath: request.rawPath, rawQuery: request.rawQuery,
                                                       headers: request.headers, signedHeaders: authorization.signedHeaders, body: request.body)
        let signature = SigV4Verifier.signature(secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", amzDate: "20150830T123600Z",
                                                authorization: authorization, canonicalRequest: canonical)
        #expect(signature == vector.signature)
    }

    @Test func parsesAuthorizationHeader() throws {
        let parsed = try #require(SigV4Authorization(header:
            "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/athena/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc"))
        #expect(parsed.accessKeyId == "AKID")
        #expect(parsed.region == "eu-west-1")
        #expect(parsed.service == "athena")
        #expect(parsed.signedHeaders == ["host", "x-amz-date", "x-amz-target"])
        #expect(SigV4Authorization(header: "Bearer token") == nil)
        #expect(SigV4Authorization(header: "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sts, SignedHeaders=host, Signature=a") == nil)
    }

    @Test func canonicalPathNormalisesAndReencodes() {
        #expect(SigV4Verifier.canonicalPath("/a/./b/../c//d") == "/a/c/d")
        #expect(SigV4Verifier.canonicalPath("/") == "/")
        #expect(SigV4Verifier.canonicalPath("/accounts/1/data-sets/a%20b") == "/accounts/1/data-sets/a%2520b")
    }
}

@Suite struct AuthRequestVerificationTests {
    let harness = ServerTestHarness()

    @Test func goodSignatureIsAccepted() throws {
        let response = harness.sts("GetCallerIdentity")
        #expect(response.status == 200)
        #expect(try response.xmlValue("Arn") == "arn:aws:iam::111111111111:user/reporter")
        #expect(try response.xmlValue("Account") == "111111111111")
        #expect(response.header("x-amzn-RequestId") != nil)
    }

    @Test func tamperedBodyIsRejected() {
        var request = harness.signer(service: "athena").json(target: "AmazonAthena.ListWorkGroups", body: "{}", date: harness.now)
        request.body = Data("{\"MaxResults\":5}".utf8)
        let response = harness.router.respond(to: request)
        #expect(response.status == 400)
        #expect(response.errorCode == "InvalidSignatureException")
        #expect(response.header("Content-Type") == "application/x-amz-json-1.1")
    }

    @Test func tamperedSignedHeaderIsRejected() {
        var request = harness.signer(service: "athena").json(target: "AmazonAthena.ListWorkGroups", date: harness.now)
        request.headers = request.headers.map { $0.0 == "X-Amz-Target" ? ($0.0, "AmazonAthena.ListQueryExecutions") : $0 }
        #expect(harness.router.respond(to: request).errorCode == "InvalidSignatureException")
    }

    @Test func wrongSecretIsRejected() {
        var credentials = ServerTestScenario.reporter
        credentials.secretAccessKey = "not-the-secret"
        #expect(harness.sts("GetCallerIdentity", as: credentials).errorCode == "SignatureDoesNotMatch")
    }

    @Test func unknownKeyIsRejectedPerService() {
        let stranger = TestCredentials(accessKeyId: "AKIAUNKNOWN000000000", secretAccessKey: "x")
        #expect(harness.sts("GetCallerIdentity", as: stranger).errorCode == "InvalidClientTokenId")
        #expect(harness.athena("ListWorkGroups", as: stranger).errorCode == "UnrecognizedClientException")
    }

    @Test func temporaryKeyWithoutOrWithWrongTokenIsRejected() throws {
        var session = try harness.roleBOneSession()
        #expect(harness.athena("ListWorkGroups", as: session).status == 200)
        session.sessionToken = nil
        #expect(harness.athena("ListWorkGroups", as: session).errorCode == "UnrecognizedClientException")
        session.sessionToken = "forged"
        #expect(harness.sts("GetCallerIdentity", as: session).errorCode == "InvalidClientTokenId")
    }

    @Test func sessionExpiresWhenTheClockPassesItsExpiration() throws {
        let session = try harness.assume(ServerTestScenario.roleBOne, externalId: "ext-one", duration: 900)
        #expect(harness.athena("ListWorkGroups", as: session).status == 200)
        harness.router.clock.advance(by: 901)
        #expect(harness.athena("ListWorkGroups", as: session).errorCode == "ExpiredTokenException")
        #expect(harness.sts("GetCallerIdentity", as: session).errorCode == "ExpiredToken")
    }

    @Test func staleOrFutureSignatureIsRejected() {
        let signer = harness.signer()
        let stale = harness.router.respond(to: signer.sts("GetCallerIdentity", date: harness.now.addingTimeInterval(-16 * 60)))
        #expect(stale.errorCode == "SignatureDoesNotMatch")
        #expect(stale.text.contains("Signature expired"))
        let future = harness.router.respond(to: signer.sts("GetCallerIdentity", date: harness.now.addingTimeInterval(16 * 60)))
        #expect(future.errorCode == "SignatureDoesNotMatch")
        let slightlyOff = harness.router.respond(to: signer.sts("GetCallerIdentity", date: harness.now.addingTimeInterval(-14 * 60)))
        #expect(slightlyOff.status == 200)
    }

    @Test func hostAndDateMustBeSigned() {
        var request = harness.signer().sts("GetCallerIdentity", date: harness.now)
        request.headers = request.headers.map {
            $0.0 == "Authorization" ? ($0.0, $0.1.replacingOccurrences(of: "SignedHeaders=content-type;host;x-amz-date", with: "SignedHeaders=content-type;x-amz-date")) : $0
        }
        #expect(harness.router.respond(to: request).errorCode == "IncompleteSignature")
    }

    @Test func scopeDateMustMatchRequestDate() {
        var request = harness.signer().sts("GetCallerIdentity", date: harness.now)
        request.headers = request.headers.map {
            $0.0 == "X-Amz-Date" ? ($0.0, ServerTestSigner.amzDate(harness.now.addingTimeInterval(-86_400))) : $0
        }
        let response = harness.router.respond(to: request)
        #expect(response.errorCode == "SignatureDoesNotMatch")
        #expect(response.text.contains("Credential scope"))
    }

    @Test func costExplorerMustBeSignedForUSEast1() {
        let request = harness.signer(service: "ce", region: "eu-west-1")
            .json(target: "AWSInsightsIndexService.GetCostAndUsage", date: harness.now)
        #expect(harness.router.respond(to: request).errorCode == "InvalidSignatureException")
    }

    @Test func missingAuthorizationIsRejectedInTheServicesFormat() {
        let json = harness.router.respond(to: SandboxHTTPRequest(method: "POST", uri: "/", headers: [("X-Amz-Target", "AmazonAthena.ListWorkGroups")]))
        #expect(json.errorCode == "MissingAuthenticationTokenException")
        let rest = harness.router.respond(to: SandboxHTTPRequest(method: "GET", uri: "/accounts/111111111111/data-sources", headers: []))
        #expect(rest.status == 403)
        #expect(rest.header("x-amzn-ErrorType") == "MissingAuthenticationTokenException")
    }
}

@Suite struct AuthPermissionTests {
    let harness = ServerTestHarness()

    @Test func roleSessionMayCallOnlyItsAllowedActions() throws {
        let roleA = try harness.assume(ServerTestScenario.roleA)
        let denied = harness.athena("ListWorkGroups", as: roleA)
        #expect(denied.errorCode == "AccessDeniedException")
        #expect(denied.text.contains("athena:ListWorkGroups"))
        let roleB = try harness.assume(ServerTestScenario.roleBOne, externalId: "ext-one", as: roleA)
        let allowed = harness.athena("ListWorkGroups", as: roleB)
        #expect(allowed.status == 200)
        #expect(allowed.json["Account"] as? String == ServerTestScenario.buOne)
        #expect(allowed.json["Principal"] as? String == "arn:aws:sts::222222222222:assumed-role/role-b/test-session")
    }

    @Test func sessionPolicyNarrowsTheRole() throws {
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"athena:List*","Resource":"*"}]}"#
        let session = try harness.assume(ServerTestScenario.roleBOne, externalId: "ext-one", policy: policy)
        #expect(harness.athena("ListQueryExecutions", as: session).status == 200)
        #expect(harness.athena("BatchGetQueryExecution", as: session).errorCode == "AccessDeniedException")
    }

    @Test func iamUserMayCallEverything() {
        #expect(harness.athena("ListQueryExecutions", as: ServerTestScenario.reporter).status == 200)
    }

    @Test func routesQuickSightByMethodAndPath() throws {
        let signer = harness.signer(service: "quicksight")
        let list = harness.router.respond(to: signer.sign(method: "GET", uri: "/accounts/111111111111/data-sources?max-results=10", date: harness.now))
        #expect(list.json["Operation"] as? String == "ListDataSources")
        let describe = harness.router.respond(to: signer.sign(method: "GET", uri: "/accounts/111111111111/data-sets/ds-1", date: harness.now))
        #expect(describe.json["Operation"] as? String == "DescribeDataSet")
        #expect(describe.json["Path"] as? String == "/accounts/111111111111/data-sets/ds-1")
        let unknown = harness.router.respond(to: signer.sign(method: "DELETE", uri: "/accounts/111111111111/data-sets/ds-1", date: harness.now))
        #expect(unknown.status == 404)
        #expect(unknown.header("x-amzn-ErrorType") == "UnknownOperationException")
    }

    @Test func unknownOperationsUseEachProtocolsCode() {
        #expect(harness.sts("DecodeAuthorizationMessage").errorCode == "InvalidAction")
        #expect(harness.athena("StartQueryExecution", as: ServerTestScenario.reporter).errorCode == "UnknownOperationException")
    }

    @Test func engineErrorsAreRenderedAsJSON11() {
        let response = harness.athena("GetWorkGroup", as: ServerTestScenario.reporter)
        #expect(response.status == 400)
        #expect(response.json["__type"] as? String == "InvalidRequestException")
        #expect(response.json["message"] as? String == "WorkGroup is not found.")
    }

    @Test(arguments: [
        ("athena:*", "athena:ListQueryExecutions", true),
        ("athena:List*", "athena:ListWorkGroups", true),
        ("athena:List*", "athena:GetWorkGroup", false),
        ("ATHENA:listworkgroups", "athena:ListWorkGroups", true),
        ("arn:aws:iam::*:role/role-?", "arn:aws:iam::1:role/role-b", true),
        ("*", "anything", true),
    ])
    func wildcardPatterns(pattern: String, value: String, expected: Bool) {
        let caseInsensitive = !pattern.hasPrefix("arn:")
        #expect(WildcardPattern.matches(pattern, value, caseInsensitive: caseInsensitive) == expected)
    }

    @Test func explicitDenyWinsInSessionPolicies() throws {
        let policy = try SessionPolicy(json: #"{"Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"*"},{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"arn:aws:iam::333333333333:role/*"}]}"#)
        #expect(policy.allows(action: "sts:AssumeRole", resource: "arn:aws:iam::222222222222:role/role-b"))
        #expect(!policy.allows(action: "sts:AssumeRole", resource: "arn:aws:iam::333333333333:role/role-b"))
        #expect(!policy.allows(action: "athena:ListWorkGroups", resource: nil))
        #expect(throws: SandboxAPIError.self) { try SessionPolicy(json: #"{"Version":"2012-10-17"}"#) }
    }
}
