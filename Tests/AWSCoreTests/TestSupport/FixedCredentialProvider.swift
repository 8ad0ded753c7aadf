import AWSCore

/// A credential provider that always returns the same credentials.
struct FixedCredentialProvider: CredentialProvider {
    let name = "FixedCredentialProvider"
    let fixed: AWSCredentials

    init(_ credentials: AWSCredentials) {
        fixed = credentials
    }

    func credentials() async throws -> AWSCredentials { fixed }
}
