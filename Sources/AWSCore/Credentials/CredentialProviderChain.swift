/// Tries providers in order and keeps to the first one that produces credentials, as the SDKs do.
/// A provider that answers "not configured here" (`isTerminal == false`) is skipped; any other
/// failure stops the chain, since the user configured that source and it is broken.
public actor CredentialProviderChain: CredentialProvider {
    public nonisolated let name: String
    public nonisolated let providers: [any CredentialProvider]
    /// What the failure message suggests when no provider is configured.
    private let hint: String
    private var chosen: (any CredentialProvider)?

    public init(_ providers: [any CredentialProvider], name: String = "CredentialProviderChain",
                hint: String = "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE to a configured profile") {
        self.providers = providers
        self.name = name
        self.hint = hint
    }

    public func credentials() async throws -> AWSCredentials {
        if let chosen { return try await chosen.credentials() }
        for provider in providers {
            do {
                let credentials = try await provider.credentials()
                chosen = provider
                return credentials
            } catch let error as CredentialProviderError where !error.isTerminal {
                continue
            }
        }
        let tried = providers.map(\.name).joined(separator: ", ")
        throw CredentialProviderError(
            provider: name, message: "no AWS credentials found (tried \(tried.isEmpty ? "nothing" : tried)); \(hint)")
    }
}
