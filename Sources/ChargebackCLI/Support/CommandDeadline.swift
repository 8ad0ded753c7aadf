import Foundation
import Synchronization

/// A command's overall deadline (`--timeout`): when it passes, the command's work is cancelled
/// (its AWS calls abort at once) so it can report what finished; if the work still has not
/// stopped a few seconds later, the process exits rather than hang.
struct CommandDeadline: Sendable {
    /// How long cancelled work may take to wind down before the process exits anyway.
    static let grace: Duration = .seconds(5)

    let seconds: Double
    /// The command's name, for messages.
    let command: String

    /// Runs `work`; returns what it returned and whether the deadline cut it short (work that
    /// reports partial results on cancellation, such as `check`).
    func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> (value: T, timedOut: Bool) {
        let expired = Mutex(false)
        let task = Task { try await work() }
        let watchdog = Task {
            try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
            expired.withLock { $0 = true }
            task.cancel()
            try await Task.sleep(for: Self.grace)
            FileHandle.standardError.write(Data("chargeback: \(command) did not stop within \(Self.grace) of its \(shownSeconds) s --timeout; exiting\n".utf8))
            exit(ChargebackExitCode.failed)
        }
        defer { watchdog.cancel() }
        do {
            let value = try await task.value
            return (value, expired.withLock { $0 })
        } catch where expired.withLock({ $0 }) {
            throw timedOutFailure(detail: "nothing was finished")
        }
    }

    /// Runs `work` that has nothing to report when cut short: the deadline is a failure.
    func value<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let (value, timedOut) = try await run(work)
        if timedOut { throw timedOutFailure(detail: "its result was incomplete") }
        return value
    }

    func timedOutFailure(detail: String) -> CommandFailure {
        CommandFailure("\(command) stopped after its \(shownSeconds) s --timeout: \(detail); raise --timeout if the account is slow, or check the network and endpoint")
    }

    var shownSeconds: String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
