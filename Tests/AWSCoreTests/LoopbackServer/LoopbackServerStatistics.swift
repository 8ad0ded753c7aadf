import NIOCore
import Synchronization

/// What the loopback server has seen, shared between its event loop threads and the test.
final class LoopbackServerStatistics: Sendable {
    private struct State {
        var acceptedConnections = 0
        var inFlight = 0
        var maxInFlight = 0
        var requests: [LoopbackRecordedRequest] = []
        var openChannels: [ObjectIdentifier: any Channel] = [:]
        var requestWaiters: [(id: Int, count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var nextWaiterID = 0
    }

    private let state = Mutex(State())

    var acceptedConnections: Int { state.withLock { $0.acceptedConnections } }
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }
    var requests: [LoopbackRecordedRequest] { state.withLock { $0.requests } }

    func connectionAccepted(_ channel: any Channel) {
        state.withLock {
            $0.acceptedConnections += 1
            $0.openChannels[ObjectIdentifier(channel)] = channel
        }
    }

    func connectionClosed(_ channel: any Channel) {
        _ = state.withLock { $0.openChannels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func requestStarted(_ request: LoopbackRecordedRequest) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.requests.append(request)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            let count = state.requests.count
            let (met, waiting) = state.requestWaiters.reduce(into: ([CheckedContinuation<Void, Never>](), [(id: Int, count: Int, continuation: CheckedContinuation<Void, Never>)]())) { split, waiter in
                if waiter.count <= count { split.0.append(waiter.continuation) } else { split.1.append(waiter) }
            }
            state.requestWaiters = waiting
            return met
        }
        ready.forEach { $0.resume() }
    }

    func requestFinished() {
        state.withLock { $0.inFlight -= 1 }
    }

    /// Suspends until at least `count` requests have arrived, or the task is cancelled (a time
    /// limit ran out), so a request that never comes cannot hang the test.
    func waitForRequests(_ count: Int) async {
        let id = state.withLock { state -> Int in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let alreadyMet = state.withLock { state -> Bool in
                    if state.requests.count >= count || Task.isCancelled { return true }
                    state.requestWaiters.append((id: id, count: count, continuation: continuation))
                    return false
                }
                if alreadyMet { continuation.resume() }
            }
        } onCancel: {
            let removed = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard let index = state.requestWaiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.requestWaiters.remove(at: index).continuation
            }
            removed?.resume()
        }
    }

    func takeOpenChannels() -> [any Channel] {
        state.withLock { state in
            defer { state.openChannels.removeAll() }
            return Array(state.openChannels.values)
        }
    }
}
