import Foundation

/// A failure the user should read as one sentence; exits with 1.
struct CommandFailure: Error, CustomStringConvertible {
    var kind: Kind
    var message: String
    var exitCode: Int32
    init(_ kind: Kind, _ message: String, exitCode: Int32 = ChargebackExitCode.failed) {
        self.kind = kind
        self.message = message
        self.exitCode = exitCode
    }
    var description: String { message }
}
