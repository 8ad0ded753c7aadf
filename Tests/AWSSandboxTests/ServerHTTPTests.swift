@testable import AWSSandbox
import Foundation
import Testing

/// The NIO server end to end on an ephemeral loopback port.
@Suite(.timeLimit(.minutes(1))) struct ServerHTTPTests {
    func withServer(faults: String = "", _ body: (SandboxServer, ServerTestHTTP) async throws -> Void) async throws {
        try await withEchoServer(faults: faults, clock: SandboxClock(start: ServerTestScenario.start), body)
    }

    func signer(_ http: ServerTestHTTP, service: String = "sts") -> ServerTestSigner { http.signer(service: service) }

    @Test func healthAndSignedCallsOverTheWire() async throws {
        try await withServer { server, http in
            #expect(try await http.get("/_sandbox/health")["status"] as? String == "ok")
            let request = signer(http).sts("GetCallerIdentity", date: server.clock.signingNow())
            let (status, body, headers) = try await http.send(request)
            #expect(status == 200)
            #expect(String(decoding: body, as: UTF8.self).contains("<Account>111111111111</Account>"))
            #expect(headers.keys.contains { ($0 as? String)?.lowercased() == "x-amzn-requestid" })
        }
    }

    @Test func countersCountPerServiceOperationAndAccount() async throws {
        try await withServer { server, http in
            for _ in 0..<3 {
                let request = signer(http, service: "athena").json(target: "AmazonAthena.ListWorkGroups", date: server.clock.signingNow())
                let (status, _, _) = try await http.send(request)
                #expect(status == 200)
            }
            let counters = try await http.get("/_sandbox/counters")
            let requests = counters["requests"] as? [String: [String: [String: Int]]]
            #expect(requests?["athena"]?["ListWorkGroups"]?["111111111111"] == 3)
            #expect(counters["total_requests"] as? Int == 3)
            _ = try await http.send(SandboxHTTPRequest(method: "POST", uri: "/_sandbox/counters/reset", headers: []))
            #expect(try await http.get("/_sandbox/counters")["total_requests"] as? Int == 0)
        }
    }

    @Test func keepAliveReusesOneConnection() async throws {
        try await withServer { _, http in
            for _ in 0..<5 { _ = try await http.get("/_sandbox/health") }
            #expect(try await http.get("/_sandbox/connections")["accepted"] as? Int == 1)
        }
    }

    @Test func resetAndTruncatedAnswersFailOnTheClient() async throws {
        for fault in ["reset_rate=1", "truncate_rate=1"] {
            try await withServer(faults: fault) { server, http in
                let request = signer(http).sts("GetCallerIdentity", date: server.clock.signingNow())
                await #expect(throws: (any Error).self, "\(fault)") {
                    _ = try await http.send(request)
                }
            }
        }
    }

    /// The router attaches the planned latency to the answer (the NIO handler schedules it);
    /// over the wire the delayed answer still arrives whole. How long it took is for `make bench`.
    @Test func latencyDelaysTheAnswer() async throws {
        let router = SandboxRouter(scenario: ServerTestScenario.make(),
                                   options: SandboxOptions(quotas: .off, faults: try FaultPlan(parsing: "latency=150ms")),
                                   engines: .echo, clock: SandboxClock(start: ServerTestScenario.start))
        let direct = router.respond(to: ServerTestSigner(credentials: ServerTestScenario.reporter, service: "sts", region: "us-east-1")
            .sts("GetCallerIdentity", date: router.clock.signingNow()))
        #expect(direct.status == 200)
        #expect(direct.delay == .milliseconds(150))

        try await withServer(faults: "latency=150ms") { server, http in
            let request = signer(http).sts("GetCallerIdentity", date: server.clock.signingNow())
            let (status, body, _) = try await http.send(request)
            #expect(status == 200)
            #expect(String(decoding: body, as: UTF8.self).contains("<Account>111111111111</Account>"))
        }
    }

    @Test func stopReleasesThePort() async throws {
        let server = SandboxServer(scenario: ServerTestScenario.make(), options: SandboxOptions(), engines: .echo)
        let port = try await server.start()
        try await server.stop()
        let again = SandboxServer(scenario: ServerTestScenario.make(), options: SandboxOptions(), engines: .echo)
        #expect(try await again.start(port: port) == port)
        try await again.stop()
    }
}
