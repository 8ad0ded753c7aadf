import AWSCore

/// What the role providers need from STS; `STSClient` is one, tests substitute a recorder.
public protocol RoleCredentialsSource: Sendable {
    func assumeRole(_ input: AssumeRoleInput) async throws -> AssumeRoleOutput
    func assumeRoleWithWebIdentity(_ input: AssumeRoleWithWebIdentityInput) async throws -> AssumeRoleWithWebIdentityOutput
}

extension STSClient: RoleCredentialsSource {}
