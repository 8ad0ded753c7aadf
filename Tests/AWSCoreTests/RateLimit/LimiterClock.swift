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
