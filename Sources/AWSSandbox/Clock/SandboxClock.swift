import Foundation
import Synchronization

/// The sandbox's notion of "now": real time shifted by an offset that tests and the control
/// endpoint can set or advance. Signature freshness, session expiry and engines all read it.
public final class SandboxClock: Sendable {
    private let offset: Mutex<TimeInterval>
    private let realNow: @Sendable () -> Date

    /// Starts at `start` (or the real time when nil). `realNow` is injectable for tests.
    public init(start: Date? = nil, realNow: @escaping @Sendable () -> Date = { Date() }) {
        self.realNow = realNow
        self.offset = Mutex(start.map { $0.timeIntervalSince(realNow()) } ?? 0)
    }

    public func now() -> Date {
        realNow().addingTimeInterval(offset.withLock { $0 })
    }

    /// Moves the clock to `date`; it keeps running from there.
    public func set(_ date: Date) {
        let shift = date.timeIntervalSince(realNow())
        offset.withLock { $0 = shift }
    }

    /// Moves the clock forward (or back, with a negative value).
    public func advance(by seconds: TimeInterval) {
        offset.withLock { $0 += seconds }
    }
}
