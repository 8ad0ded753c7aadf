import Foundation
import Synchronization

/// The scenario's IAM users and roles plus the sessions STS has issued, looked up by access key.
public final class SandboxIdentityStore: Sendable {
    private let users: [String: SandboxPrincipal]
    private let roles: [String: SandboxRole]
    private let sessions = Mutex<[String: SandboxPrincipal]>([:])

    public init(scenario: Scenario) {
        var users: [String: SandboxPrincipal] = [:]
        var roles: [String: SandboxRole] = [:]
        for account in scenario.accounts {
            for user in account.users {
                let arn = "arn:aws:iam::\(account.id):user/\(user.name)"
                users[user.accessKeyId] = SandboxPrincipal(
                    kind: .user(name: user.name), accountId: account.id, arn: arn,
                    userId: "AIDA" + StableIdentifier.make(from: arn, length: 17),
                    accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey,
                    sessionToken: nil, expiresAt: nil)
            }
            for role in account.roles {
                let known = SandboxRole(accountId: account.id, definition: role)
                roles[known.arn] = known
            }
        }
        self.users = users
        self.roles = roles
    }

    /// The principal owning `accessKeyId`, or nil when no user or session has that key.
    public func principal(accessKeyId: String) -> SandboxPrincipal? {
        if let user = users[accessKeyId] { return user }
        return sessions.withLock { $0[accessKeyId] }
    }

    public func role(arn: String) -> SandboxRole? { roles[arn] }

    /// The role behind a role session's principal.
    public func role(of principal: SandboxPrincipal) -> SandboxRole? {
        principal.roleArn.flatMap { roles[$0] }
    }

    /// Issues temporary credentials for a new session of `role`, bound to `accountId`.
    public func issueSession(role: SandboxRole, accountId: String, sessionName: String,
                             sessionPolicy: SessionPolicy?, expiresAt: Date) -> SandboxPrincipal {
        var random = SystemRandomNumberGenerator()
        let accessKeyId = "ASIA" + random.text(16, from: StableIdentifier.alphabet)
        let secret = random.text(40, from: Self.base64Alphabet)
        let token = "IQoJb3JpZ2luX2VjE" + random.text(300, from: Self.base64Alphabet)
        let session = SandboxPrincipal(
            kind: .roleSession(roleArn: role.arn, sessionName: sessionName, sessionPolicy: sessionPolicy),
            accountId: accountId,
            arn: "arn:aws:sts::\(accountId):assumed-role/\(role.definition.name)/\(sessionName)",
            userId: "\(role.roleId):\(sessionName)",
            accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token, expiresAt: expiresAt)
        sessions.withLock { $0[accessKeyId] = session }
        return session
    }

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
}
