@testable import AWSSandbox
import Foundation
import Synchronization
import Testing

@Suite struct ClockTests {
    final class ManualDate: Sendable {
        let value = Mutex(Date(timeIntervalSince1970: 1_000_000))
        var read: @Sendable () -> Date { { self.value.withLock { $0 } } }
    }

    @Test func startsAtTheScenarioTimeAndKeepsRunning() {
        let real = ManualDate()
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let clock = SandboxClock(start: start, realNow: real.read)
        #expect(clock.now() == start)
        real.value.withLock { $0 += 10 }
        #expect(clock.now() == start.addingTimeInterval(10))
    }

    @Test func setAndAdvance() {
        let real = ManualDate()
        let clock = SandboxClock(realNow: real.read)
        #expect(clock.now() == real.read())
        clock.advance(by: 86_400)
        #expect(clock.now() == real.read().addingTimeInterval(86_400))
        let target = Date(timeIntervalSince1970: 1_800_000_000)
        clock.set(target)
        #expect(clock.now() == target)
    }

    @Test func controlEndpointReadsSetsAndAdvancesTheClock() throws {
        let harness = ServerTestHarness()
        func post(_ body: String) -> SandboxHTTPResponse {
            harness.router.respond(to: SandboxHTTPRequest(method: "POST", uri: "/_sandbox/clock", headers: [], body: Data(body.utf8)))
        }
        let set = post(#"{"set": "2026-10-01T00:00:00Z"}"#)
        #expect(set.status == 200)
        let setTo = try Date("2026-10-01T00:00:00Z", strategy: .iso8601)
        #expect(abs(harness.router.clock.now().timeIntervalSince(setTo)) < 1)
        _ = post(#"{"advance_seconds": 86400}"#)
        #expect(abs(harness.router.clock.now().timeIntervalSince(setTo) - 86_400) < 1)
        let read = harness.router.respond(to: SandboxHTTPRequest(method: "GET", uri: "/_sandbox/clock", headers: []))
        let shown = try Date(#require(read.json["now"] as? String), strategy: .iso8601)
        #expect(abs(shown.timeIntervalSince(setTo) - 86_400) < 2)
        #expect(post(#"{"set": "yesterday"}"#).status == 400)
        #expect(post("{}").status == 400)
    }
}
