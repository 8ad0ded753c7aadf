import Foundation
import Synchronization

/// What the sandbox has seen: calls per service, operation and account, throttled calls,
/// injected faults and accepted TCP connections. Served by `GET /_sandbox/counters`.
public final class SandboxCounters: Sendable {
    private struct State {
        var requests: [String: [String: [String: Int]]] = [:]
        var throttled: [String: [String: Int]] = [:]
        var faults: [String: Int] = [:]
        var connections = 0
    }
    private let state = Mutex(State())

    public init() {}

    func recordRequest(service: String, operation: String, account: String) {
        state.withLock { $0.requests[service, default: [:]][operation, default: [:]][account, default: 0] += 1 }
    }

    func recordThrottle(service: String, operation: String) {
        state.withLock { $0.throttled[service, default: [:]][operation, default: 0] += 1 }
    }

    func recordFault(_ kind: String) {
        state.withLock { $0.faults[kind, default: 0] += 1 }
    }

    func recordConnection() {
        state.withLock { $0.connections += 1 }
    }

    public var acceptedConnections: Int { state.withLock { $0.connections } }

    /// Calls of one operation by one account.
    public func requests(service: String, operation: String, account: String) -> Int {
        state.withLock { $0.requests[service]?[operation]?[account] ?? 0 }
    }

    public func reset() {
        state.withLock { $0 = State() }
    }

    /// `{"requests": {service: {operation: {account: n}}}, "throttled": {service: {operation: n}},
    /// "faults": {kind: n}, "total_requests": n}`
    func snapshot() -> [String: Any] {
        state.withLock { state in
            let total = state.requests.values.flatMap(\.values).flatMap(\.values).reduce(0, +)
            return ["requests": state.requests, "throttled": state.throttled, "faults": state.faults, "total_requests": total]
        }
    }
}
