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
        var requestWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
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
            let (met, waiting) = state.requestWaiters.reduce(into: ([CheckedContinuation<Void, Never>](), [(count: Int, continuation: CheckedContinuation<Void, Never>)]())) { split, waiter in
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

    /// Suspends until at least `count` requests have arrived.
    func waitForRequests(_ count: Int) async {
        await withCheckedContinuation { continuation in
            let alreadyMet = state.withLock { state -> Bool in
                if state.requests.count >= count { return true }
                state.requestWaiters.append((count: count, continuation: continuation))
                return false
            }
            if alreadyMet { continuation.resume() }
        }
    }

    func takeOpenChannels() -> [any Channel] {
        state.withLock { state in
            defer { state.openChannels.removeAll() }
            return Array(state.openChannels.values)
        }
    }
}
