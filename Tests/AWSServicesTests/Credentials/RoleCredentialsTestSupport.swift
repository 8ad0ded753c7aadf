import AWSCore
import AWSServices
import Foundation

/// A temporary directory removed when the value goes away.
final class CredentialsTempDirectory: @unchecked Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("role-credentials-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = "\(path)/\(name)"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// A clock tests move by hand.
final class CredentialsTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)

    func now() -> Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// Stands in for STS: records every call with the access key of the base credentials it was
/// made with (as signing would use them) and answers with a one-hour session named after the role.
final class RoleCallRecorder: @unchecked Sendable {
    struct AssumeRoleCall: Equatable {
        var input: AssumeRoleInput
        var baseAccessKeyId: String?
    }

    private let lock = NSLock()
    private var assumeRoles: [AssumeRoleCall] = []
    private var webIdentities: [AssumeRoleWithWebIdentityInput] = []
    let clock: CredentialsTestClock
    /// When set, every call fails with this error.
    let failure: (any Error & Sendable)?

    init(clock: CredentialsTestClock, failure: (any Error & Sendable)? = nil) {
        self.clock = clock
        self.failure = failure
    }

    var assumeRoleCalls: [AssumeRoleCall] { lock.withLock { assumeRoles } }
    var webIdentityCalls: [AssumeRoleWithWebIdentityInput] { lock.withLock { webIdentities } }

    var factory: DefaultCredentialChain.RoleSourceFactory {
        { base in RecordingRoleSource(recorder: self, base: base) }
    }

    func source(base: (any CredentialProvider)? = nil) -> any RoleCredentialsSource {
        RecordingRoleSource(recorder: self, base: base)
    }

    fileprivate func record(_ call: AssumeRoleCall) { lock.withLock { assumeRoles.append(call) } }
    fileprivate func record(_ input: AssumeRoleWithWebIdentityInput) { lock.withLock { webIdentities.append(input) } }

    /// "ASIA-<role name>-<call number>" credentials valid for one hour.
    fileprivate func session(for roleArn: String) -> AWSCredentials {
        let role = roleArn.split(separator: "/").last.map(String.init) ?? roleArn
        let number = lock.withLock { assumeRoles.count + webIdentities.count }
        return AWSCredentials(accessKeyId: "ASIA-\(role)-\(number)", secretAccessKey: "role-secret-\(number)",
                              sessionToken: "role-token-\(number)", expiration: clock.now().addingTimeInterval(3600))
    }
}

private struct RecordingRoleSource: RoleCredentialsSource {
    let recorder: RoleCallRecorder
    let base: (any CredentialProvider)?

    func assumeRole(_ input: AssumeRoleInput) async throws -> AssumeRoleOutput {
        let baseKey = try await base?.credentials().accessKeyId
        recorder.record(.init(input: input, baseAccessKeyId: baseKey))
        if let failure = recorder.failure { throw failure }
        return AssumeRoleOutput(credentials: recorder.session(for: input.roleArn),
                                assumedRoleUser: AssumedRoleUser(assumedRoleId: "AROA:\(input.roleSessionName)",
                                                                 arn: input.roleArn))
    }

    func assumeRoleWithWebIdentity(_ input: AssumeRoleWithWebIdentityInput) async throws -> AssumeRoleWithWebIdentityOutput {
        recorder.record(input)
        if let failure = recorder.failure { throw failure }
        return AssumeRoleWithWebIdentityOutput(credentials: recorder.session(for: input.roleArn))
    }
}
