import Foundation
import Synchronization

/// A command's overall deadline (`--timeout`). The work races a timer: when the timer wins, the
/// work is cancelled (its AWS calls abort where they can) and abandoned, so the command reports
/// at once what finished instead of waiting on a call that never returns.
struct CommandDeadline: Sendable {
    let seconds: Double
    /// The command's name, for messages.
    let command: String

    /// What `work` returned, or nil when the deadline passed first.
    func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T? {
        let task = Task { try await work() }
        let first = FirstAnswer<Result<T, any Error>?>()
        let milliseconds = Int64(seconds * 1000)
        let outcome: Result<T, any Error>? = await withCheckedContinuation { continuation in
            first.wait(continuation)
            Task { first.answer(await task.result) }
            Task {
                try? await Task.sleep(for: .milliseconds(milliseconds))
                first.answer(nil)
            }
        }
        guard let outcome else {
            task.cancel()
            return nil
        }
        return try outcome.get()
    }

    /// Runs `work` that has nothing to report when cut short: the deadline is a failure.
    func value<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let value = try await run(work) else { throw timedOutFailure(detail: "nothing was finished") }
        return value
    }

    func timedOutFailure(detail: String) -> CommandFailure {
        CommandFailure(.timeout, "\(command) stopped after its \(shownSeconds) s --timeout: \(detail); raise --timeout if the accounts are slow, or check the network and endpoint")
    }

    var shownSeconds: String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// Resumes a continuation with whichever answer comes first; later answers are dropped.
final class FirstAnswer<Value: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<Value, Never>?>(nil)

    func wait(_ continuation: CheckedContinuation<Value, Never>) {
        self.continuation.withLock { $0 = continuation }
    }

    func answer(_ value: Value) {
        continuation.withLock { $0.take() }?.resume(returning: value)
    }
}
