import AWSCore
import Foundation

/// Builds the providers of the default chain from the environment and the shared files,
/// including the recursive `role_arn` + `source_profile` resolution with cycle detection.
struct CredentialChainBuilder: Sendable {
    let environment: [String: String]
    let files: SharedConfigFiles
    let http: any HTTPClient
    let now: @Sendable () -> Date
    let roleSource: DefaultCredentialChain.RoleSourceFactory

    /// A profile AssumeRole applies to; one with `web_identity_token_file` belongs to web identity.
    static func isAssumeRoleProfile(_ settings: [String: String]) -> Bool {
        nonEmpty(settings["role_arn"]) != nil && nonEmpty(settings["web_identity_token_file"]) == nil
    }

    /// The providers that read one profile, in chain order: web identity, credentials file,
    /// `credential_process`, config file. `environmentAllowed` is false for a source profile,
    /// whose credentials must come from the profile itself.
    func profileProviders(profileName: String, environmentAllowed: Bool) -> [any CredentialProvider] {
        var providers: [any CredentialProvider] = []
        if let webIdentity = reportingMisconfiguration({
            try webIdentityProvider(profileName: profileName, environmentAllowed: environmentAllowed)
        }) {
            providers.append(webIdentity)
        }
        providers.append(ProfileCredentialProvider(profileName: profileName, files: files, source: .credentialsFile))
        providers.append(cached(ProcessCredentialProvider(profileName: profileName, files: files, environment: environment)))
        providers.append(ProfileCredentialProvider(profileName: profileName, files: files, source: .configFile))
        return providers
    }

    func containerProvider() -> any CredentialProvider {
        cached(ContainerCredentialProvider(http: http, environment: environment))
    }

    func imdsProvider() -> any CredentialProvider {
        cached(IMDSCredentialProvider(http: http, environment: environment))
    }

    /// The role of `profileName` assumed with its `source_profile` or `credential_source`.
    /// `visited` holds the profiles already on this path, to reject cycles.
    func assumeRoleProvider(profileName: String, visited: [String]) throws -> any CredentialProvider {
        let settings = files.profile(profileName) ?? [:]
        let place = "profile '\(profileName)'"
        guard let roleArn = Self.nonEmpty(settings["role_arn"]) else {
            throw configurationError("\(place) has no role_arn")
        }
        let base: any CredentialProvider
        switch (Self.nonEmpty(settings["source_profile"]), Self.nonEmpty(settings["credential_source"])) {
        case (.some, .some):
            throw configurationError("\(place) sets both source_profile and credential_source; keep only one")
        case (nil, nil):
            throw configurationError("\(place) sets role_arn but neither source_profile nor credential_source; add one")
        case let (nil, .some(credentialSource)):
            base = try credentialSourceProvider(credentialSource, place: place)
        case let (.some(sourceProfile), nil):
            base = try sourceProfileProvider(sourceProfile, referrer: profileName, visited: visited)
        }

        var durationSeconds: Int?
        if let text = Self.nonEmpty(settings["duration_seconds"]) {
            guard let seconds = Int(text) else {
                throw configurationError("\(place) has duration_seconds '\(text)', which is not a whole number of seconds")
            }
            durationSeconds = seconds
        }
        let input = AssumeRoleInput(
            roleArn: roleArn, roleSessionName: Self.nonEmpty(settings["role_session_name"]) ?? defaultSessionName(),
            externalId: Self.nonEmpty(settings["external_id"]), durationSeconds: durationSeconds)
        return cached(AssumeRoleCredentialProvider(input: input, source: roleSource(base)))
    }

    /// Returns the provider `build` makes, or one that reports its configuration error when reached.
    func reportingMisconfiguration(_ build: () throws -> (any CredentialProvider)?) -> (any CredentialProvider)? {
        do {
            return try build()
        } catch let error as CredentialProviderError {
            return MisconfiguredCredentialProvider(error)
        } catch {
            return MisconfiguredCredentialProvider(CredentialProviderError(provider: "DefaultCredentialChain", message: "\(error)"))
        }
    }

    private func sourceProfileProvider(_ sourceName: String, referrer: String,
                                       visited: [String]) throws -> any CredentialProvider {
        guard let source = files.profile(sourceName) else {
            throw configurationError("profile '\(referrer)' names source_profile '\(sourceName)', which is not in \(files.configPath) or \(files.credentialsPath)")
        }
        // Static keys win over the source's own role, which lets a profile be its own source.
        if ProfileCredentialProvider.hasStaticKeys(source) || !Self.isAssumeRoleProfile(source) {
            let hasCredentials = ProfileCredentialProvider.hasStaticKeys(source)
                || Self.nonEmpty(source["credential_process"]) != nil
                || Self.nonEmpty(source["web_identity_token_file"]) != nil
            guard hasCredentials else {
                throw configurationError("source_profile '\(sourceName)' of profile '\(referrer)' has no credentials; give it aws_access_key_id and aws_secret_access_key, credential_process, or role_arn with a source")
            }
            return CredentialProviderChain(profileProviders(profileName: sourceName, environmentAllowed: false),
                                           name: "source profile '\(sourceName)'",
                                           hint: "give profile '\(sourceName)' credentials")
        }
        if visited.contains(sourceName) {
            let path = (visited + [sourceName]).map { "'\($0)'" }.joined(separator: " → ")
            throw configurationError("the source_profile settings form a cycle (\(path)); make one profile in it use static keys or credential_source")
        }
        return try assumeRoleProvider(profileName: sourceName, visited: visited + [sourceName])
    }

    private func credentialSourceProvider(_ credentialSource: String, place: String) throws -> any CredentialProvider {
        switch credentialSource {
        case "Environment": return EnvironmentCredentialProvider(environment: environment)
        case "Ec2InstanceMetadata": return imdsProvider()
        case "EcsContainer": return containerProvider()
        default:
            throw configurationError("\(place) has credential_source '\(credentialSource)'; use Environment, Ec2InstanceMetadata or EcsContainer")
        }
    }

    /// Web identity from `AWS_WEB_IDENTITY_TOKEN_FILE`/`AWS_ROLE_ARN`/`AWS_ROLE_SESSION_NAME`
    /// (each variable beating the profile's setting) or the profile's `web_identity_token_file`
    /// and `role_arn`; nil when no token file is configured.
    private func webIdentityProvider(profileName: String, environmentAllowed: Bool) throws -> (any CredentialProvider)? {
        let settings = files.profile(profileName) ?? [:]
        func setting(_ variable: String, _ key: String) -> String? {
            (environmentAllowed ? Self.nonEmpty(environment[variable]) : nil) ?? Self.nonEmpty(settings[key])
        }
        guard let tokenFile = setting("AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file") else { return nil }
        guard let roleArn = setting("AWS_ROLE_ARN", "role_arn") else {
            throw CredentialProviderError(
                provider: "WebIdentityCredentialProvider",
                message: "a web identity token file is configured but no role; set AWS_ROLE_ARN or role_arn in profile '\(profileName)'")
        }
        let provider = WebIdentityCredentialProvider(
            tokenFile: tokenFile, roleArn: roleArn,
            roleSessionName: setting("AWS_ROLE_SESSION_NAME", "role_session_name") ?? defaultSessionName(),
            source: roleSource(nil))
        return cached(provider)
    }

    private func cached(_ provider: any CredentialProvider) -> any CredentialProvider {
        CachingCredentialProvider(wrapping: provider, now: now)
    }

    private func defaultSessionName() -> String {
        "chargeback-\(Int(now().timeIntervalSince1970))"
    }

    private func configurationError(_ message: String) -> CredentialProviderError {
        CredentialProviderError(provider: "AssumeRoleCredentialProvider", message: message)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
