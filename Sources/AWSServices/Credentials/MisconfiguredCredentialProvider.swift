import AWSCore

/// Stands in the chain for a source whose configuration is broken (a role profile without a
/// source, a source_profile cycle). As in botocore, the problem is reported only if the chain
/// gets that far: credentials found earlier (the environment) still win.
struct MisconfiguredCredentialProvider: CredentialProvider {
    let name: String
    let error: CredentialProviderError

    init(_ error: CredentialProviderError) {
        self.name = error.provider
        self.error = error
    }

    func credentials() async throws -> AWSCredentials { throw error }
}
