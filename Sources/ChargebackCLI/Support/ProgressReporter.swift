import ChargebackCore
import Foundation

/// Shows a collect's progress on stderr: a live line on a terminal, otherwise a plain line every
/// few seconds (CI logs stay short) and one at the end. Counts only; nothing secret.
final class ProgressReporter: Sendable {
    private let progress: CollectProgress
    private let started = ContinuousClock.now
    private let isTerminal: Bool
    private let task: Task<Void, Never>?

    init(progress: CollectProgress, enabled: Bool) {
        self.progress = progress
        let isTerminal = isatty(STDERR_FILENO) == 1
        self.isTerminal = isTerminal
        guard enabled else {
            task = nil
            return
        }
        let interval: Duration = isTerminal ? .milliseconds(250) : .seconds(10)
        let line = { [progress, started] in ProgressReporter.line(progress.snapshot, since: started) }
        task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { break }
                ProgressReporter.write(isTerminal ? "\r\u{1B}[2K" + line() : line() + "\n")
            }
        }
    }

    /// Stops the live line and writes the final one.
    func finish() {
        guard let task else { return }
        task.cancel()
        let text = Self.line(progress.snapshot, since: started)
        Self.write(isTerminal ? "\r\u{1B}[2K" + text + "\n" : text + "\n")
    }

    static func line(_ snapshot: CollectProgress.Snapshot, since started: ContinuousClock.Instant) -> String {
        let elapsed = started.duration(to: .now).components.seconds
        return "collect: \(snapshot.unitsDone)/\(snapshot.unitsTotal) accounts done, "
            + "\(snapshot.executionsFetched) executions fetched, \(snapshot.requests) requests, "
            + "\(snapshot.throttled) throttled, \(elapsed) s"
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
