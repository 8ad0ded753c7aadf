import AWSCore

/// The credential provider of an STS client used only for unsigned calls
/// (AssumeRoleWithWebIdentity): asking it for credentials is a programming error reported as such.
struct UnsignedCallsOnlyCredentialProvider: CredentialProvider {
    let name = "UnsignedCallsOnlyCredentialProvider"

    func credentials() async throws -> AWSCredentials {
        throw CredentialProviderError(provider: name,
                                      message: "this STS client makes unsigned calls only and has no credentials")
    }
}
