import ChargebackTestSupport
import AWSCore
import Foundation
import Testing

@Suite(.timeLimit(.minutes(1))) struct ContainerCredentialProviderTests {
    static let document = #"""
        {"AccessKeyId": "ASIACONTAINER", "SecretAccessKey": "container-secret", "Token": "container-token",
         "Expiration": "2030-01-01T00:00:00Z"}
        """#

    static func answering(_ status: Int = 200, _ body: String = document) -> StubHTTPClient {
        StubHTTPClient { _, _ in HTTPResponse(status: status, body: Data(body.utf8)) }
    }

    @Test func relativeURIGoesToTheECSAgentWithTheAuthorizationToken() async throws {
        let http = Self.answering()
        let provider = ContainerCredentialProvider(http: http, environment: [
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc?id=1",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "auth-from-env",
        ], sleep: credentialsNoTimeLimit)
        let credentials = try await provider.credentials()

        #expect(credentials == AWSCredentials(accessKeyId: "ASIACONTAINER", secretAccessKey: "container-secret",
                                              sessionToken: "container-token",
                                              expiration: AWSTimestamp.parse("2030-01-01T00:00:00Z")))
        let request = try #require(http.requests.first)
        #expect(request.method == "GET")
        #expect(request.urlString == "http://169.254.170.2/v2/credentials/abc?id=1")
        #expect(request.headers["Authorization"] == "auth-from-env")
    }

    @Test func fullLoopbackURIReadsTheTokenFileAtEachFetch() async throws {
        let directory = try CredentialsTempDirectory()
        let tokenFile = try directory.write("token", "first-token\n")
        let http = Self.answering()
        let provider = ContainerCredentialProvider(http: http, environment: [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "ignored-when-a-file-is-set",
        ], sleep: credentialsNoTimeLimit)

        _ = try await provider.credentials()
        try directory.write("token", "rotated-token")
        _ = try await provider.credentials()

        #expect(http.requests.map(\.urlString) == ["http://127.0.0.1:8080/creds", "http://127.0.0.1:8080/creds"])
        #expect(http.requests.map { $0.headers["Authorization"] } == ["first-token", "rotated-token"])
    }

    @Test(arguments: ["https://creds.example.com/x", "http://169.254.170.23/v1/credentials", "http://[::1]:9/x"])
    func fullURIMayBeHTTPSOrALocalAgent(uri: String) async throws {
        let provider = ContainerCredentialProvider(http: Self.answering(),
                                                   environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri],
                                                   sleep: credentialsNoTimeLimit)
        #expect(try await provider.credentials().accessKeyId == "ASIACONTAINER")
    }

    /// Host names that merely start like a loopback address are other hosts: the token must not go there.
    @Test(arguments: ["evil.example.com", "127.0.0.1.nip.io", "127.attacker.example"])
    func plainHTTPToAnotherHostIsRefused(host: String) async throws {
        let http = Self.answering()
        let provider = ContainerCredentialProvider(
            http: http, environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://\(host)/creds"],
            sleep: credentialsNoTimeLimit)
        let error = try await #require(throws: CredentialProviderError.self) { try await provider.credentials() }

        #expect(error.isTerminal)
        #expect(error.description.contains(host))
        #expect(http.requests.isEmpty)
    }

    @Test func isNotConfiguredWithoutAURI() async throws {
        let http = Self.answering()
        let error = try await #require(throws: CredentialProviderError.self) {
            try await ContainerCredentialProvider(http: http, environment: [:], sleep: credentialsNoTimeLimit).credentials()
        }
        #expect(!error.isTerminal)
        #expect(http.requests.isEmpty)
    }

    @Test func serverErrorsAreRetriedThenReportedWithoutTheBody() async throws {
        let http = Self.answering(500, "internal detail with body-secret")
        let provider = ContainerCredentialProvider(
            http: http, environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/creds",
                                      "AWS_CONTAINER_AUTHORIZATION_TOKEN": "auth-secret"],
            attempts: 3, sleep: credentialsNoTimeLimit)
        let error = try await #require(throws: CredentialProviderError.self) { try await provider.credentials() }

        #expect(http.requests.count == 3)
        #expect(error.isTerminal)
        #expect(!error.description.contains("body-secret") && !error.description.contains("auth-secret"))
    }

    @Test func aSilentEndpointTimesOutWithoutRealWaiting() async throws {
        let http = StubHTTPClient(credentialsHangingResponse)
        let provider = ContainerCredentialProvider(
            http: http, environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/creds"],
            timeout: 30, attempts: 2, sleep: credentialsImmediateSleep)
        let error = try await #require(throws: CredentialProviderError.self) { try await provider.credentials() }

        #expect(error.description.contains("timedOut"))
        #expect(http.requests.count == 2)
    }

    @Test func aTokenWithALineBreakIsRefused() async throws {
        let http = Self.answering()
        let provider = ContainerCredentialProvider(
            http: http, environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/creds",
                                      "AWS_CONTAINER_AUTHORIZATION_TOKEN": "abc\r\nX-Injected: 1"],
            sleep: credentialsNoTimeLimit)
        let error = try await #require(throws: CredentialProviderError.self) { try await provider.credentials() }

        #expect(error.isTerminal)
        #expect(!error.description.contains("X-Injected"))
        #expect(http.requests.isEmpty)
    }
}
