import Foundation

/// The unauthenticated `/_sandbox/` endpoints tests and scripts use to inspect and steer the
/// sandbox. Faults never apply here.
struct SandboxControlEndpoints: Sendable {
    let clock: SandboxClock
    let counters: SandboxCounters

    func respond(to request: SandboxHTTPRequest) -> SandboxHTTPResponse {
        switch (request.method, request.rawPath) {
        case ("GET", "/_sandbox/health"):
            return .json(["status": "ok"])
        case ("GET", "/_sandbox/clock"):
            return clockReply()
        case ("POST", "/_sandbox/clock"):
            return moveClock(request.body)
        case ("GET", "/_sandbox/counters"):
            return .json(counters.snapshot())
        case ("POST", "/_sandbox/counters/reset"):
            counters.reset()
            return .json(["reset": true])
        case ("GET", "/_sandbox/connections"):
            return .json(["accepted": counters.acceptedConnections])
        default:
            return .json(["error": "No sandbox control endpoint \(request.method) \(request.rawPath). Known: GET health, GET/POST clock, GET counters, POST counters/reset, GET connections."], status: 404)
        }
    }

    private func clockReply() -> SandboxHTTPResponse {
        .json(["now": clock.now().formatted(.iso8601)])
    }

    /// Body `{"set": "2026-10-01T00:00:00Z"}` or `{"advance_seconds": 86400}`.
    private func moveClock(_ body: Data) -> SandboxHTTPResponse {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        if let text = object["set"] as? String {
            guard let date = try? Date(text, strategy: .iso8601) else {
                return .json(["error": "The clock's \"set\" value '\(text)' is not an ISO 8601 time such as 2026-10-01T00:00:00Z."], status: 400)
            }
            clock.set(date)
        } else if let seconds = object["advance_seconds"] as? Double {
            clock.advance(by: seconds)
        } else {
            return .json(["error": "POST /_sandbox/clock needs a JSON body with \"set\" (ISO 8601 time) or \"advance_seconds\" (a number)."], status: 400)
        }
        return clockReply()
    }
}
