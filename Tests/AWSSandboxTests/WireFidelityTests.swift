@testable import AWSSandbox
import Foundation
import Testing

/// What every answer carries on the wire, and the two clocks: data from the scenario's clock,
/// signatures checked against the real time.
@Suite struct WireFidelityTests {
    /// The data clock stays the scenario's, fixed in the past as in examples/sandbox-scenario.yaml.
    func withServer(_ body: (SandboxServer, ServerTestHTTP) async throws -> Void) async throws {
        try await withEchoServer(clock: nil, body)
    }

    func signer(_ http: ServerTestHTTP, service: String = "sts") -> ServerTestSigner { http.signer(service: service) }

    func dateHeader(_ headers: [AnyHashable: Any]) -> String? {
        headers.first { ($0.key as? String)?.lowercased() == "date" }?.value as? String
    }

    @Test(.timeLimit(.minutes(1)))
    func aRealTimeClientSignsWhateverDayTheDataClockShows() async throws {
        try await withServer { server, http in
            #expect(abs(server.clock.now().timeIntervalSince(ServerTestScenario.start)) < 60)
            let (status, _, _) = try await http.send(signer(http).sts("GetCallerIdentity", date: Date()))
            #expect(status == 200)
            _ = try await http.send(SandboxHTTPRequest(method: "POST", uri: "/_sandbox/clock", headers: [],
                                                       body: Data(#"{"set": "2020-01-01T00:00:00Z"}"#.utf8)))
            let (afterSet, _, _) = try await http.send(signer(http, service: "athena").json(target: "AmazonAthena.ListWorkGroups", date: Date()))
            #expect(afterSet == 200)
            // A signature 20 minutes off the real time is still refused.
            let (stale, _, _) = try await http.send(signer(http).sts("GetCallerIdentity", date: Date().addingTimeInterval(-1_200)))
            #expect(stale == 403)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func everyResponseIsDated() async throws {
        try await withServer { _, http in
            let answers = [
                try await http.send(signer(http).sts("GetCallerIdentity", date: Date())),
                try await http.send(signer(http).sts("GetCallerIdentity", date: Date().addingTimeInterval(-3_600))),
                try await http.send(SandboxHTTPRequest(method: "GET", uri: "/_sandbox/health", headers: [])),
                try await http.send(SandboxHTTPRequest(method: "GET", uri: "/accounts/111111111111/data-sources", headers: [])),
            ]
            let format = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/
            for (status, _, headers) in answers {
                let date = try #require(dateHeader(headers), "status \(status)")
                #expect(date.wholeMatch(of: format) != nil, "\(date)")
            }
        }
    }

    @Test func quickSightErrorsCarryTheirRequestId() throws {
        let error = SandboxAPIError(code: "ResourceNotFoundException", message: "no such data source", status: 404)
        let response = SandboxErrorRenderer.render(error, wire: .restJSON, requestId: "8a1f0c3e-request")
        let body = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        #expect(body["RequestId"] as? String == "8a1f0c3e-request")
        #expect(response.headers.contains { $0.0 == "x-amzn-RequestId" && $0.1 == "8a1f0c3e-request" })
    }

    @Test func advanceMovesBothClocksAndSetOnlyTheData() {
        let real = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = SandboxClock(start: Date(timeIntervalSince1970: 1_700_000_000), realNow: { real })
        #expect(clock.signingNow() == real)
        clock.set(Date(timeIntervalSince1970: 1_600_000_000))
        #expect(clock.signingNow() == real)
        clock.advance(by: 3_600)
        #expect(clock.signingNow() == real.addingTimeInterval(3_600))
        #expect(clock.now() == Date(timeIntervalSince1970: 1_600_003_600))
    }
}
