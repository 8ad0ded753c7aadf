import AWSCore
import Foundation
import Synchronization

/// A fake monotonic clock for `RateLimiter`: `sleep` records each wait and, unless the clock is
/// frozen, moves time forward by it, so tests observe exact schedules without real waiting.
final class LimiterClock: Sendable {
    private struct State {
        var now: TimeInterval = 0
        var sleeps: [TimeInterval] = []
    }

    private let state = Mutex(State())
    private let frozen: Bool

    /// `frozen: true` keeps time still while callers sleep, as when many arrive at one instant.
    init(frozen: Bool = false) {
        self.frozen = frozen
    }

    var now: @Sendable () -> TimeInterval { { self.state.withLock { $0.now } } }

    var sleep: @Sendable (TimeInterval) async throws -> Void {
        { seconds in
            self.state.withLock { state in
                state.sleeps.append(seconds)
                if !self.frozen { state.now += seconds }
            }
        }
    }

    var sleeps: [TimeInterval] { state.withLock { $0.sleeps } }

    func advance(_ seconds: TimeInterval) {
        state.withLock { $0.now += seconds }
    }

    func limiter(_ table: RateLimitTable) -> RateLimiter {
        RateLimiter(table: table, now: now, sleep: sleep)
    }
}

/// A `RateLimiter` sleep for cancellation tests: while armed, each wait is announced on `events`
/// and parks until its task is cancelled, like `Task.sleep` with an hour to go. While disarmed
/// a wait is an error, so a burst that lets one call too few through fails at once instead of
/// parking the test. A caller that got through without waiting reports it with
/// `passedWithoutWaiting()` (the event -1), so a burst one call too large fails at once too.
final class ParkingSleep: Sendable {
    struct UnexpectedWait: Error, CustomStringConvertible {
        var seconds: TimeInterval
        var description: String { "a call within the burst was made to wait \(seconds) s" }
    }

    let events: AsyncStream<TimeInterval>
    private let continuation: AsyncStream<TimeInterval>.Continuation
    private let armed = Mutex(false)

    init() {
        (events, continuation) = AsyncStream.makeStream(of: TimeInterval.self)
    }

    func arm() { armed.withLock { $0 = true } }

    func passedWithoutWaiting() { continuation.yield(-1) }

    var sleep: @Sendable (TimeInterval) async throws -> Void {
        { seconds in
            guard self.armed.withLock({ $0 }) else { throw UnexpectedWait(seconds: seconds) }
            self.continuation.yield(seconds)
            let (never, keepOpen) = AsyncStream.makeStream(of: Void.self)
            for await _ in never {}
            keepOpen.finish()
            try Task.checkCancellation()
        }
    }
}
