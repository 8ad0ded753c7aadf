import AWSCore
import Foundation

/// The parameters of STS AssumeRole this tool uses.
public struct AssumeRoleInput: Sendable, Equatable {
    public var roleArn: String
    public var roleSessionName: String
    public var externalId: String?
    /// An inline session policy (JSON text).
    public var policy: String?
    public var durationSeconds: Int?
    public var sourceIdentity: String?

    public init(roleArn: String, roleSessionName: String, externalId: String? = nil, policy: String? = nil,
                durationSeconds: Int? = nil, sourceIdentity: String? = nil) {
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.externalId = externalId
        self.policy = policy
        self.durationSeconds = durationSeconds
        self.sourceIdentity = sourceIdentity
    }
}

/// The identity STS created for an assumed-role session.
public struct AssumedRoleUser: Sendable, Equatable {
    /// "AROA…:session-name".
    public var assumedRoleId: String
    /// "arn:aws:sts::123456789012:assumed-role/Role/session-name".
    public var arn: String

    public init(assumedRoleId: String, arn: String) {
        self.assumedRoleId = assumedRoleId
        self.arn = arn
    }
}

public struct AssumeRoleOutput: Sendable, Equatable {
    /// Temporary credentials; `expiration` is always set.
    public var credentials: AWSCredentials
    public var assumedRoleUser: AssumedRoleUser
    /// Percentage of the packed policy size limit the session policies and tags use.
    public var packedPolicySize: Int?
    public var sourceIdentity: String?

    public init(credentials: AWSCredentials, assumedRoleUser: AssumedRoleUser, packedPolicySize: Int? = nil,
                sourceIdentity: String? = nil) {
        self.credentials = credentials
        self.assumedRoleUser = assumedRoleUser
        self.packedPolicySize = packedPolicySize
        self.sourceIdentity = sourceIdentity
    }
}

/// The parameters of STS AssumeRoleWithWebIdentity. The token is a secret: it is never
/// printed by `description` and never appears in errors.
public struct AssumeRoleWithWebIdentityInput: Sendable, Equatable, CustomStringConvertible {
    public var roleArn: String
    public var roleSessionName: String
    public var webIdentityToken: String
    public var durationSeconds: Int?
    public var policy: String?

    public init(roleArn: String, roleSessionName: String, webIdentityToken: String, durationSeconds: Int? = nil,
                policy: String? = nil) {
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.webIdentityToken = webIdentityToken
        self.durationSeconds = durationSeconds
        self.policy = policy
    }

    public var description: String {
        "AssumeRoleWithWebIdentityInput(roleArn: \(roleArn), roleSessionName: \(roleSessionName), "
            + "webIdentityToken: <redacted>)"
    }
}

public struct AssumeRoleWithWebIdentityOutput: Sendable, Equatable {
    /// Temporary credentials; `expiration` is always set.
    public var credentials: AWSCredentials
    public var assumedRoleUser: AssumedRoleUser?
    /// The `sub` of the token, as the identity provider issued it.
    public var subjectFromWebIdentityToken: String?

    public init(credentials: AWSCredentials, assumedRoleUser: AssumedRoleUser? = nil,
                subjectFromWebIdentityToken: String? = nil) {
        self.credentials = credentials
        self.assumedRoleUser = assumedRoleUser
        self.subjectFromWebIdentityToken = subjectFromWebIdentityToken
    }
}

/// Who the current credentials belong to.
public struct GetCallerIdentityOutput: Sendable, Equatable {
    public var account: String
    public var arn: String
    public var userId: String

    public init(account: String, arn: String, userId: String) {
        self.account = account
        self.arn = arn
        self.userId = userId
    }
}
