import ChargebackTestSupport
import AWSCore
import Foundation
import Testing

@Suite(.timeLimit(.minutes(1))) struct IMDSCredentialProviderTests {
    static let rolePath = "/latest/meta-data/iam/security-credentials/"

    /// An instance metadata service with one role that insists on IMDSv2 tokens.
    static func metadataService(code: String = "Success") -> StubHTTPClient {
        StubHTTPClient { request, _ in
            switch (request.method, request.path) {
            case ("PUT", "/latest/api/token"):
                guard request.headers["x-aws-ec2-metadata-token-ttl-seconds"] == "21600" else { return HTTPResponse(status: 400) }
                return HTTPResponse(status: 200, body: Data("imds-session-token".utf8))
            case ("GET", _) where request.headers["x-aws-ec2-metadata-token"] != "imds-session-token":
                return HTTPResponse(status: 401)
            case ("GET", rolePath):
                return HTTPResponse(status: 200, body: Data("instance-role\n".utf8))
            case ("GET", rolePath + "instance-role"):
                return HTTPResponse(status: 200, body: Data("""
                    {"Code": "\(code)", "LastUpdated": "2029-12-31T23:00:00Z", "Type": "AWS-HMAC",
                     "AccessKeyId": "ASIAIMDS", "SecretAccessKey": "imds-secret", "Token": "imds-token",
                     "Expiration": "2030-01-01T06:00:00Z"}
                    """.utf8))
            default:
                return HTTPResponse(status: 404)
            }
        }
    }

    @Test func fetchesTheRoleCredentialsWithASessionToken() async throws {
        let http = Self.metadataService()
        let provider = IMDSCredentialProvider(http: http, environment: [:], sleep: credentialsNoTimeLimit)
        let credentials = try await provider.credentials()

        #expect(credentials == AWSCredentials(accessKeyId: "ASIAIMDS", secretAccessKey: "imds-secret",
                                              sessionToken: "imds-token",
                                              expiration: AWSTimestamp.parse("2030-01-01T06:00:00Z")))
        #expect(http.requests.map { "\($0.method) \($0.urlString)" } == [
            "PUT http://169.254.169.254/latest/api/token",
            "GET http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "GET http://169.254.169.254/latest/meta-data/iam/security-credentials/instance-role",
        ])
    }

    @Test func honoursTheEndpointVariable() async throws {
        let http = Self.metadataService()
        let provider = IMDSCredentialProvider(
            http: http, environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:1338/"],
            sleep: credentialsNoTimeLimit)
        _ = try await provider.credentials()

        #expect(http.requests.allSatisfy { $0.host == "127.0.0.1" && $0.port == 1338 })
    }

    @Test func isNotConfiguredWhenDisabled() async throws {
        let http = Self.metadataService()
        let error = try await #require(throws: CredentialProviderError.self) {
            try await IMDSCredentialProvider(http: http, environment: ["AWS_EC2_METADATA_DISABLED": "TRUE"],
                                             sleep: credentialsNoTimeLimit).credentials()
        }
        #expect(!error.isTerminal)
        #expect(http.requests.isEmpty)
    }

    @Test func anUnreachableServiceFailsFastAfterOneRetry() async throws {
        let http = StubHTTPClient { request, _ in
            throw HTTPClientError(kind: .couldNotConnect, host: request.host, detail: "no route to host")
        }
        let error = try await #require(throws: CredentialProviderError.self) {
            try await IMDSCredentialProvider(http: http, environment: [:], sleep: credentialsNoTimeLimit).credentials()
        }
        #expect(!error.isTerminal)
        #expect(http.requests.count == 2)
    }

    @Test func aSilentServiceTimesOutWithoutRealWaiting() async throws {
        let http = StubHTTPClient(credentialsHangingResponse)
        let error = try await #require(throws: CredentialProviderError.self) {
            try await IMDSCredentialProvider(http: http, environment: [:], timeout: 60,
                                             sleep: credentialsImmediateSleep).credentials()
        }
        #expect(!error.isTerminal)
        #expect(error.description.contains("timedOut"))
    }

    @Test func aFailureCodeIsReportedWithoutSecrets() async throws {
        let error = try await #require(throws: CredentialProviderError.self) {
            try await IMDSCredentialProvider(http: Self.metadataService(code: "AssumeRoleUnauthorizedAccess"),
                                             environment: [:], sleep: credentialsNoTimeLimit).credentials()
        }
        #expect(error.description.contains("AssumeRoleUnauthorizedAccess"))
        #expect(!error.description.contains("imds-secret") && !error.description.contains("imds-session-token"))
    }
}
