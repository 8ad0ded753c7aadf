import Foundation

/// Who signed a request: an IAM user with a long-term key, or a role session with temporary keys.
public struct SandboxPrincipal: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case user(name: String)
        /// `sessionPolicy` is the inline policy passed when the session was created.
        case roleSession(roleArn: String, sessionName: String, sessionPolicy: SessionPolicy?)
    }

    public var kind: Kind
    /// The account the credentials are bound to (every API answers for this account).
    public var accountId: String
    /// "arn:aws:iam::ACCOUNT:user/NAME" or "arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION".
    public var arn: String
    /// "AIDA…" for users, "AROA…:session" for role sessions.
    public var userId: String
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// When the session really stops working (may be earlier than the Expiration it was told).
    public var expiresAt: Date?

    /// The role ARN when this is a role session.
    public var roleArn: String? {
        if case .roleSession(let roleArn, _, _) = kind { return roleArn }
        return nil
    }
}

/// A role as the identity store knows it: its definition, ARN and account.
public struct SandboxRole: Sendable, Equatable {
    public var accountId: String
    public var definition: ScenarioRole
    public var arn: String { "arn:aws:iam::\(accountId):role/\(definition.name)" }
    /// The stable unique id AWS shows in AssumedRoleId ("AROA…").
    public var roleId: String { "AROA" + StableIdentifier.make(from: arn, length: 17) }
}

extension ScenarioRole {
    /// A role accepts AssumeRoleWithWebIdentity when it trusts a federated principal: an entry
    /// "federated", "federated:<provider>" or an OIDC provider ARN ("…:oidc-provider/…").
    public var trustsWebIdentity: Bool {
        trustedPrincipals.contains { $0 == "federated" || $0.hasPrefix("federated:") || $0.contains(":oidc-provider/") }
    }
}

/// Uppercase alphanumerics derived from a text, so generated ids are the same on every run.
enum StableIdentifier {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    static func make(from text: String, length: Int) -> String {
        var random = ScenarioRandom(seed: ScenarioRandom.stableHash(text))
        return random.text(length, from: alphabet)
    }
}
