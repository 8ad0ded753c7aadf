import ChargebackTestSupport
import AWSCore
import AWSServices
import Foundation
import Testing

@Suite(.timeLimit(.minutes(1))) struct AssumeRoleCredentialProviderTests {
    static let roleArn = "arn:aws:iam::111122223333:role/Target"

    @Test func signsAssumeRoleWithTheBaseCredentialsThroughSTS() async throws {
        let http = StubHTTPClient { _ in
            HTTPResponse(status: 200, body: Data("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
                <Credentials><AccessKeyId>ASIASTS</AccessKeyId><SecretAccessKey>sts-secret</SecretAccessKey>
                <SessionToken>sts-token</SessionToken><Expiration>2030-01-01T00:00:00.123456Z</Expiration></Credentials>
                <AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId><Arn>arn:aws:sts::111122223333:assumed-role/Target/s</Arn></AssumedRoleUser>
                </AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>
                """.utf8))
        }
        let base = CachingCredentialProvider(wrapping: fixedBase)
        let provider = AssumeRoleCredentialProvider(
            input: AssumeRoleInput(roleArn: Self.roleArn, roleSessionName: "report-session", externalId: "ext-42"),
            base: base, http: http, region: "eu-central-1", endpoints: EndpointResolver(environment: [:]))
        let credentials = try await provider.credentials()

        #expect(credentials.accessKeyId == "ASIASTS" && credentials.sessionToken == "sts-token")
        let request = try #require(http.requests.first)
        #expect(request.host == "sts.eu-central-1.amazonaws.com")
        #expect(request.headers["Authorization"]?.contains("Credential=AKIABASE/") == true)
        let body = String(decoding: request.body, as: UTF8.self)
        #expect(body.contains("Action=AssumeRole") && body.contains("ExternalId=ext-42"))
    }

    @Test func aRefusalNamesTheRoleWithoutSecrets() async throws {
        let clock = CredentialsTestClock()
        let refusal = AWSServiceError(service: "STS", operation: "AssumeRole", code: "AccessDenied",
                                      message: "not authorized to perform sts:AssumeRole", httpStatus: 403, requestId: "r-2")
        let recorder = RoleCallRecorder(clock: clock, failure: refusal)
        let provider = AssumeRoleCredentialProvider(
            input: AssumeRoleInput(roleArn: Self.roleArn, roleSessionName: "s"),
            source: recorder.source(base: fixedBase))
        let error = try await #require(throws: CredentialProviderError.self) { try await provider.credentials() }

        #expect(error.isTerminal)
        #expect(error.description.contains(Self.roleArn) && error.description.contains("AccessDenied"))
        #expect(!error.description.contains("base-secret"))
    }
}

@Suite(.timeLimit(.minutes(1))) struct WebIdentityCredentialProviderTests {
    static let roleArn = "arn:aws:iam::111122223333:role/CI"

    @Test func callsSTSUnsignedWithTheTokenFromTheFile() async throws {
        let directory = try CredentialsTempDirectory()
        let tokenFile = try directory.write("token", "oidc-secret-token\n")
        let http = StubHTTPClient { _ in
            HTTPResponse(status: 200, body: Data("""
                <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                <AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIAWEB</AccessKeyId>
                <SecretAccessKey>web-secret</SecretAccessKey><SessionToken>web-token</SessionToken>
                <Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleWithWebIdentityResult>
                </AssumeRoleWithWebIdentityResponse>
                """.utf8))
        }
        let provider = WebIdentityCredentialProvider(
            tokenFile: tokenFile, roleArn: Self.roleArn, roleSessionName: "ci-run", http: http, region: "us-west-2",
            endpoints: EndpointResolver(environment: [:]))

        #expect(try await provider.credentials().accessKeyId == "ASIAWEB")
        let request = try #require(http.requests.first)
        #expect(request.headers["Authorization"] == nil, "AssumeRoleWithWebIdentity is unsigned")
        let body = String(decoding: request.body, as: UTF8.self)
        #expect(body.contains("WebIdentityToken=oidc-secret-token") && !body.contains("%0A"), "sent without its newline")
    }

    @Test func rereadsTheTokenFileAtEachCall() async throws {
        let directory = try CredentialsTempDirectory()
        let tokenFile = try directory.write("token", "token-one")
        let recorder = RoleCallRecorder(clock: CredentialsTestClock())
        let provider = WebIdentityCredentialProvider(tokenFile: tokenFile, roleArn: Self.roleArn, roleSessionName: "ci",
                                                     source: recorder.source())
        _ = try await provider.credentials()
        try directory.write("token", "token-two")
        _ = try await provider.credentials()

        #expect(recorder.webIdentityCalls.map(\.webIdentityToken) == ["token-one", "token-two"])
    }

    @Test func errorsNeverContainTheToken() async throws {
        let directory = try CredentialsTempDirectory()
        let tokenFile = try directory.write("token", "eyJ-very-secret-jwt")
        let echoing = AWSServiceError(service: "STS", operation: "AssumeRoleWithWebIdentity", code: "InvalidIdentityToken",
                                      message: "token eyJ-very-secret-jwt is expired", httpStatus: 400, requestId: nil)
        let provider = WebIdentityCredentialProvider(
            tokenFile: tokenFile, roleArn: Self.roleArn, roleSessionName: "ci",
            source: RoleCallRecorder(clock: CredentialsTestClock(), failure: echoing).source())
        let error = try await #require(throws: CredentialProviderError.self) { try await provider.credentials() }

        #expect(error.description.contains("InvalidIdentityToken"))
        #expect(!error.description.contains("eyJ-very-secret-jwt"))
    }

    @Test func anUnreadableTokenFileNamesThePath() async throws {
        let provider = WebIdentityCredentialProvider(
            tokenFile: "/nonexistent/token", roleArn: Self.roleArn, roleSessionName: "ci",
            source: RoleCallRecorder(clock: CredentialsTestClock()).source())
        let error = try await #require(throws: CredentialProviderError.self) { try await provider.credentials() }
        #expect(error.isTerminal && error.description.contains("/nonexistent/token"))
    }
}

/// Long-term base keys for the tests above.
private let fixedBase = StaticCredentialProvider(AWSCredentials(accessKeyId: "AKIABASE", secretAccessKey: "base-secret"))
