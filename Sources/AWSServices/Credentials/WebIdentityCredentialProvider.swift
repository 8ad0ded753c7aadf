import AWSCore
import Foundation

/// Credentials of a role assumed with an OIDC token (STS AssumeRoleWithWebIdentity), as in CI jobs
/// and EKS service accounts. The token file is read again at every refresh because its owner
/// rotates it. The token is a secret: it never appears in an error.
public struct WebIdentityCredentialProvider: CredentialProvider {
    public let name = "WebIdentityCredentialProvider"
    public var tokenFile: String
    public var roleArn: String
    public var roleSessionName: String
    public var durationSeconds: Int?
    public var source: any RoleCredentialsSource

    public init(tokenFile: String, roleArn: String, roleSessionName: String, durationSeconds: Int? = nil,
                source: any RoleCredentialsSource) {
        self.tokenFile = tokenFile
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.durationSeconds = durationSeconds
        self.source = source
    }

    /// Calls STS at `region`'s endpoint; the call is unsigned, so no base credentials are needed.
    public init(tokenFile: String, roleArn: String, roleSessionName: String, durationSeconds: Int? = nil,
                http: any HTTPClient, region: String, endpoints: EndpointResolver) {
        let client = AWSClient(http: http, credentialProvider: UnsignedCallsOnlyCredentialProvider(), region: region,
                               endpoints: endpoints)
        self.init(tokenFile: tokenFile, roleArn: roleArn, roleSessionName: roleSessionName,
                  durationSeconds: durationSeconds, source: STSClient(client: client))
    }

    public func credentials() async throws -> AWSCredentials {
        let path = tokenFile
        let token: String
        do {
            token = try await OffPoolWork.run { try String(contentsOfFile: path, encoding: .utf8) }
                .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw CredentialProviderError(
                provider: name, message: "cannot read the web identity token file \(path); check that it exists and is readable")
        }
        guard !token.isEmpty else {
            throw CredentialProviderError(provider: name, message: "the web identity token file \(path) is empty")
        }
        let input = AssumeRoleWithWebIdentityInput(roleArn: roleArn, roleSessionName: roleSessionName,
                                                   webIdentityToken: token, durationSeconds: durationSeconds)
        do {
            return try await source.assumeRoleWithWebIdentity(input).credentials
        } catch {
            // Services do not echo the token, but an error text is not ours to trust.
            let detail = String(describing: error).replacingOccurrences(of: token, with: "<redacted>")
            throw CredentialProviderError(
                provider: name, message: "cannot assume role \(roleArn) with the web identity token in \(path): \(detail)")
        }
    }
}
