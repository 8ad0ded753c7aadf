import Synchronization

/// Limits how many tasks do something at once (transfers, accounts listing their history).
/// Waiting for a permit suspends the task rather than blocking a thread, and a cancelled waiter
/// leaves the queue at once.
public final class AsyncSemaphore: Sendable {
    private struct State {
        var available: Int
        var nextWaiterID = 0
        var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    }

    private let state: Mutex<State>

    public init(permits: Int) {
        precondition(permits > 0, "AsyncSemaphore needs at least one permit")
        state = Mutex(State(available: permits))
    }

    /// Free slots, and tasks queued for one: what tests observe of the hand-off.
    public var availablePermits: Int { state.withLock { $0.available } }
    public var waitingCount: Int { state.withLock { $0.waiters.count } }

    /// Takes a slot, waiting in FIFO order; throws `CancellationError` if the task is cancelled first.
    public func acquire() async throws {
        let id = state.withLock { state -> Int in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                state.withLock { state in
                    if Task.isCancelled {
                        continuation.resume(throwing: CancellationError())
                    } else if state.available > 0 {
                        state.available -= 1
                        continuation.resume()
                    } else {
                        state.waiters.append((id: id, continuation: continuation))
                    }
                }
            }
        } onCancel: {
            // Cancellation sets the task's flag before this runs, so a waiter not queued yet
            // sees `Task.isCancelled` when it takes the lock.
            let removed = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index).continuation
            }
            removed?.resume(throwing: CancellationError())
        }
    }

    /// Returns a slot, handing it straight to the longest waiter if there is one.
    public func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            if state.waiters.isEmpty {
                state.available += 1
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        next?.resume()
    }
}
