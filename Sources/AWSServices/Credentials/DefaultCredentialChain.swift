import AWSCore
import Foundation

/// Builds the standard AWS credential chain in botocore's order: environment → assume-role profile
/// → web identity → shared credentials file → `credential_process` → config file static keys →
/// container → IMDS. Sources that produce expiring credentials are wrapped in
/// `CachingCredentialProvider`. (SSO is not supported.)
public enum DefaultCredentialChain {
    /// Makes the STS client behind the role providers from their base credentials; nil base means
    /// the unsigned AssumeRoleWithWebIdentity call. Tests pass a recorder.
    public typealias RoleSourceFactory = @Sendable (_ base: (any CredentialProvider)?) -> any RoleCredentialsSource

    /// - Parameters:
    ///   - environment: the process environment (AWS_* variables, HOME for the shared files).
    ///   - region: the resolved region, used for STS; us-east-1 when nil.
    ///   - profile: an explicit profile (`--profile`). As in botocore it takes the environment
    ///     keys out of the chain; without it the profile is `AWS_PROFILE` or "default".
    ///   - roleSource: the STS behind role providers; by default an `STSClient` on `http`.
    ///   - now: the clock of the credential caches.
    /// - Throws: `SharedConfigError` for an unreadable shared file, `CredentialProviderError` for a
    ///   named profile that exists in neither file.
    public static func make(environment: [String: String], http: any HTTPClient, endpoints: EndpointResolver,
                            region: String?, profile: String?, roleSource: RoleSourceFactory? = nil,
                            now: @escaping @Sendable () -> Date = { Date() }) throws -> any CredentialProvider {
        let files = try SharedConfigFiles.load(environment: environment)
        let profileName = SharedConfigFiles.selectedProfileName(explicit: profile, environment: environment)
        if profileName != "default" && !files.hasProfile(profileName) {
            throw CredentialProviderError(
                provider: "DefaultCredentialChain",
                message: "profile '\(profileName)' not found in \(files.configPath) or \(files.credentialsPath); create it or choose another profile")
        }
        let stsRegion = region ?? "us-east-1"
        let builder = CredentialChainBuilder(
            environment: environment, files: files, http: http, now: now,
            roleSource: roleSource ?? { base in
                let client = AWSClient(http: http, credentialProvider: base ?? UnsignedCallsOnlyCredentialProvider(),
                                       region: stsRegion, endpoints: endpoints)
                return STSClient(client: client)
            })

        var providers: [any CredentialProvider] = []
        if profile == nil {
            // Cached like the others so keys past AWS_CREDENTIAL_EXPIRATION are refused with a clear error.
            providers.append(CachingCredentialProvider(wrapping: EnvironmentCredentialProvider(environment: environment),
                                                       now: now))
        }
        if let settings = files.profile(profileName), CredentialChainBuilder.isAssumeRoleProfile(settings),
           let assumeRole = builder.reportingMisconfiguration({
               try builder.assumeRoleProvider(profileName: profileName, visited: [profileName])
           }) {
            providers.append(assumeRole)
        }
        providers += builder.profileProviders(profileName: profileName, environmentAllowed: true)
        providers.append(builder.containerProvider())
        providers.append(builder.imdsProvider())
        return CredentialProviderChain(providers, name: "DefaultCredentialChain")
    }
}
