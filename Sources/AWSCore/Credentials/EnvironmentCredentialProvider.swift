import Foundation

/// Credentials from `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, with the session token from
/// `AWS_SESSION_TOKEN` (or the older `AWS_SECURITY_TOKEN`) and an optional ISO 8601
/// `AWS_CREDENTIAL_EXPIRATION`. Not configured when `AWS_ACCESS_KEY_ID` is unset or empty.
public struct EnvironmentCredentialProvider: CredentialProvider {
    public let name = "EnvironmentCredentialProvider"
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func credentials() async throws -> AWSCredentials {
        guard let accessKeyId = value("AWS_ACCESS_KEY_ID") else {
            throw CredentialProviderError(provider: name, message: "AWS_ACCESS_KEY_ID is not set", isTerminal: false)
        }
        guard let secret = value("AWS_SECRET_ACCESS_KEY") else {
            throw CredentialProviderError(
                provider: name,
                message: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both or unset AWS_ACCESS_KEY_ID")
        }
        var expiration: Date?
        if let text = value("AWS_CREDENTIAL_EXPIRATION") {
            guard let date = AWSTimestamp.parse(text) else {
                throw CredentialProviderError(
                    provider: name,
                    message: "AWS_CREDENTIAL_EXPIRATION '\(text)' is not an ISO 8601 timestamp; use e.g. 2030-01-01T00:00:00Z")
            }
            expiration = date
        }
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret,
                              sessionToken: value("AWS_SESSION_TOKEN") ?? value("AWS_SECURITY_TOKEN"),
                              expiration: expiration)
    }

    private func value(_ key: String) -> String? {
        guard let text = environment[key], !text.isEmpty else { return nil }
        return text
    }
}
