import ChargebackTestSupport
import AWSCore
import Foundation
import Testing

/// A credential provider that must not be asked (unsigned operations).
struct RefusingCredentialProvider: CredentialProvider {
    var name: String { "RefusingCredentialProvider" }

    func credentials() async throws -> AWSCredentials {
        throw CredentialProviderError(provider: name, message: "credentials were requested for an unsigned call")
    }
}

enum TestClients {
    /// Fixed test credentials (not real keys).
    static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE",
                                            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    /// An AWSClient over `http`, at the public endpoints (the environment is ignored), with
    /// retries that never wait.
    static func aws(_ http: StubHTTPClient, region: String = "eu-west-1",
                    credentials: any CredentialProvider = StaticCredentialProvider(TestClients.credentials)) -> AWSClient {
        AWSClient(
            http: http, credentialProvider: credentials, region: region,
            endpoints: EndpointResolver(environment: [:]),
            retry: RetryPolicy(maxAttempts: 3, random: { 0.5 }, sleep: { _ in }),
            clock: { Date(timeIntervalSince1970: 1_780_000_000) })
    }
}

enum Fixture {
    /// The bytes of `Fixtures/<path>`.
    static func data(_ path: String) throws -> Data {
        let base = try #require(Bundle.module.resourceURL, "test bundle has no resources")
        return try Data(contentsOf: base.appendingPathComponent("Fixtures").appendingPathComponent(path))
    }
}
