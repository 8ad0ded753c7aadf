import Foundation
import Synchronization

/// Keeps one account's calls under AWS's per-API quotas so a run is not throttled: one token
/// bucket per region, service and operation. Callers reserve their turn under a lock and then
/// wait outside it, so concurrent callers go one token apart in the order they arrived, with no
/// polling. Share one limiter among every client acting in the same account.
public final class RateLimiter: Sendable {
    public let table: RateLimitTable
    private let now: @Sendable () -> TimeInterval
    private let sleep: @Sendable (TimeInterval) async throws -> Void
    private let schedules = Mutex<[RateLimitKey: TokenSchedule]>([:])

    /// `now` is monotonic seconds; `sleep` must throw `CancellationError` when its task is cancelled.
    /// Both are injected so tests run on a fake clock.
    public init(table: RateLimitTable = .awsDefaults,
                now: @escaping @Sendable () -> TimeInterval = RateLimiter.monotonicNow,
                sleep: @escaping @Sendable (TimeInterval) async throws -> Void = RetryPolicy.taskSleep) {
        self.table = table
        self.now = now
        self.sleep = sleep
    }

    /// Seconds on a clock that never goes back (unlike the wall clock).
    public static let monotonicNow: @Sendable () -> TimeInterval = {
        TimeInterval(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }

    /// Waits until a call to `key` fits its quota, and returns how long it waited (0 for an API
    /// the table does not limit). Throws `CancellationError` if the task is cancelled first; the
    /// reserved turn is then given back when no later caller was queued behind it.
    @discardableResult
    public func acquire(_ key: RateLimitKey) async throws -> TimeInterval {
        try Task.checkCancellation()
        guard let quota = table.quota(for: key) else { return 0 }
        let start = now()
        let reservation = schedules.withLock { schedules in
            var schedule = schedules[key] ?? TokenSchedule(quota)
            defer { schedules[key] = schedule }
            return schedule.reserve(at: start)
        }
        let wait = reservation.slot - start
        guard wait > 0 else { return 0 }
        do {
            try await sleep(wait)
        } catch {
            schedules.withLock { $0[key]?.release(reservation) }
            throw error
        }
        return wait
    }
}
