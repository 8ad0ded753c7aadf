import Foundation

/// A set of AWS credentials. Its `description` never shows the secret or the token,
/// so interpolating credentials into a log line or an error cannot leak them.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// True when the credentials expire within `margin` seconds of `now`.
    public func expires(within margin: TimeInterval, of now: Date) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(now) <= margin
    }

    public var description: String {
        var text = "AWSCredentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>"
        if sessionToken != nil { text += ", sessionToken: <redacted>" }
        if let expiration { text += ", expiration: \(AWSTimestamp.iso8601(expiration))" }
        return text + ")"
    }

    public var debugDescription: String { description }
}

/// Anything that can produce credentials: the environment, a profile, a role, IMDS.
public protocol CredentialProvider: Sendable {
    /// A short name used in error messages ("EnvironmentCredentialProvider").
    var name: String { get }
    func credentials() async throws -> AWSCredentials
}

/// A credential provider that could not produce credentials. `isTerminal` false means
/// "not configured here, try the next provider in the chain".
public struct CredentialProviderError: Error, Sendable, CustomStringConvertible {
    public var provider: String
    public var message: String
    public var isTerminal: Bool

    public init(provider: String, message: String, isTerminal: Bool = true) {
        self.provider = provider
        self.message = message
        self.isTerminal = isTerminal
    }

    public var description: String { "\(provider): \(message)" }
}

/// A provider that caches credentials and can be told to drop them: when a service answers
/// ExpiredToken before the credentials' stated expiry (revocation, clock skew), the client
/// invalidates and tries once more with fresh ones.
public protocol RefreshableCredentialProvider: CredentialProvider {
    func invalidate() async
}
