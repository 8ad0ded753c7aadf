import Foundation
import Synchronization

/// The sandbox's two notions of "now".
///
/// - The data clock (`now()`): what engines answer from (query history, cost periods, Estimated).
///   A scenario's `clock` and `set` place it anywhere, so a fixed scenario stays reproducible.
/// - The signing clock (`signingNow()`): the real time, which SigV4's 15-minute skew check,
///   session lifetimes and STS expirations use, so clients signing with their own real clock
///   keep working whatever day the data clock shows.
///
/// `advance` moves both (time passes for data and sessions alike); `set` moves only the data clock.
public final class SandboxClock: Sendable {
    private struct Offsets {
        var data: TimeInterval
        var signing: TimeInterval
    }

    private let offsets: Mutex<Offsets>
    private let realNow: @Sendable () -> Date

    /// The data clock starts at `start` (or the real time when nil). `realNow` is injectable for tests.
    public init(start: Date? = nil, realNow: @escaping @Sendable () -> Date = { Date() }) {
        self.realNow = realNow
        self.offsets = Mutex(Offsets(data: start.map { $0.timeIntervalSince(realNow()) } ?? 0, signing: 0))
    }

    /// The data clock.
    public func now() -> Date {
        realNow().addingTimeInterval(offsets.withLock { $0.data })
    }

    /// The signing clock: real time plus whatever `advance` added.
    public func signingNow() -> Date {
        realNow().addingTimeInterval(offsets.withLock { $0.signing })
    }

    /// Moves the data clock to `date`; it keeps running from there. Signatures are unaffected.
    public func set(_ date: Date) {
        let shift = date.timeIntervalSince(realNow())
        offsets.withLock { $0.data = shift }
    }

    /// Moves both clocks forward (or back, with a negative value).
    public func advance(by seconds: TimeInterval) {
        offsets.withLock {
            $0.data += seconds
            $0.signing += seconds
        }
    }
}
