import AWSCore

/// Credentials of a role assumed with STS AssumeRole, using the credentials of a base provider.
/// Each call assumes the role again: wrap it in `CachingCredentialProvider` (the default chain does)
/// so the session is reused until it nears expiry.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    public let name = "AssumeRoleCredentialProvider"
    public var input: AssumeRoleInput
    public var source: any RoleCredentialsSource

    public init(input: AssumeRoleInput, source: any RoleCredentialsSource) {
        self.input = input
        self.source = source
    }

    /// Assumes the role with `base`'s credentials through STS at `region`'s endpoint.
    public init(input: AssumeRoleInput, base: any CredentialProvider, http: any HTTPClient, region: String,
                endpoints: EndpointResolver) {
        let client = AWSClient(http: http, credentialProvider: base, region: region, endpoints: endpoints)
        self.init(input: input, source: STSClient(client: client))
    }

    public func credentials() async throws -> AWSCredentials {
        do {
            return try await source.assumeRole(input).credentials
        } catch {
            throw CredentialProviderError(provider: name, message: "cannot assume role \(input.roleArn): \(error)")
        }
    }
}
