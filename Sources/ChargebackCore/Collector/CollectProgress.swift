import Foundation
import Synchronization

/// Live counts of a collect, read by whoever shows progress. Holds no secret.
public final class CollectProgress: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var unitsDone = 0
        public var unitsTotal = 0
        public var executionsFetched = 0
        public var requests = 0
        public var throttled = 0
    }

    private let state = Mutex(Snapshot())
    /// Counts every request of the run at the transport.
    public let requests = RequestCounter()

    public init() {}

    public var snapshot: Snapshot {
        var snapshot = state.withLock { $0 }
        snapshot.requests = requests.requests
        snapshot.throttled = requests.throttled
        return snapshot
    }

    func start(units: Int) { state.withLock { $0.unitsTotal = units } }
    func unitFinished() { state.withLock { $0.unitsDone += 1 } }
    func fetched(_ count: Int) { state.withLock { $0.executionsFetched += count } }
}
