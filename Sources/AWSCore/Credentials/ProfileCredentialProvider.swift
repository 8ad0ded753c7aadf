/// Static keys (`aws_access_key_id`, `aws_secret_access_key`, optional `aws_session_token`) of one
/// profile in one of the shared files. The default chain asks the credentials file and, after
/// `credential_process`, the config file. Not configured when the profile or its key id is absent.
public struct ProfileCredentialProvider: CredentialProvider {
    public let name: String
    public var profileName: String
    public var files: SharedConfigFiles
    public var source: SharedConfigFiles.Source

    public init(profileName: String, files: SharedConfigFiles, source: SharedConfigFiles.Source) {
        self.profileName = profileName
        self.files = files
        self.source = source
        self.name = "ProfileCredentialProvider(\(source.rawValue))"
    }

    public func credentials() async throws -> AWSCredentials {
        let path = files.path(of: source)
        guard let profile = files.profile(profileName, in: source) else {
            throw CredentialProviderError(provider: name, message: "profile '\(profileName)' not found in \(path)",
                                          isTerminal: false)
        }
        guard let accessKeyId = profile["aws_access_key_id"], !accessKeyId.isEmpty else {
            throw CredentialProviderError(provider: name,
                                          message: "profile '\(profileName)' in \(path) has no aws_access_key_id",
                                          isTerminal: false)
        }
        guard let secret = profile["aws_secret_access_key"], !secret.isEmpty else {
            throw CredentialProviderError(
                provider: name,
                message: "profile '\(profileName)' in \(path) sets aws_access_key_id but not aws_secret_access_key; add it")
        }
        let token = [profile["aws_session_token"], profile["aws_security_token"]].compactMap { $0 }.first { !$0.isEmpty }
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token)
    }

    /// True when the profile holds static keys in either file (what botocore calls static credentials).
    public static func hasStaticKeys(_ profile: [String: String]) -> Bool {
        !(profile["aws_access_key_id"] ?? "").isEmpty
    }
}
