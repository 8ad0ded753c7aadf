import AWSSandbox
import Foundation

/// A router over the test scenario with helpers to sign as the reporter or a session.
struct ServerTestHarness {
    let router: SandboxRouter

    init(options: SandboxOptions = SandboxOptions(quotas: .off), quotas: SandboxQuotas? = nil) {
        let scenario = ServerTestScenario.make()
        // A frozen clock: it moves only when a test moves it, so no expectation races real time.
        let start = ServerTestScenario.start
        router = SandboxRouter(scenario: scenario, options: options, engines: .echo,
                               clock: SandboxClock(start: start, realNow: { start }), quotas: quotas)
    }

    /// The signing clock: what requests are dated with.
    var now: Date { router.clock.signingNow() }

    func signer(_ credentials: TestCredentials = ServerTestScenario.reporter, service: String = "sts",
                region: String = "us-east-1") -> ServerTestSigner {
        ServerTestSigner(credentials: credentials, service: service, region: region)
    }

    func sts(_ action: String, _ parameters: [String: String] = [:], as credentials: TestCredentials = ServerTestScenario.reporter) -> SandboxHTTPResponse {
        router.respond(to: signer(credentials).sts(action, parameters, date: now))
    }

    func athena(_ operation: String, as credentials: TestCredentials) -> SandboxHTTPResponse {
        router.respond(to: signer(credentials, service: "athena").json(target: "AmazonAthena.\(operation)", date: now))
    }

    /// AssumeRole that must succeed; returns the session's credentials.
    func assume(_ roleArn: String, externalId: String? = nil, policy: String? = nil, duration: Int? = nil,
                as credentials: TestCredentials = ServerTestScenario.reporter) throws -> TestCredentials {
        var parameters = ["RoleArn": roleArn, "RoleSessionName": "test-session"]
        parameters["ExternalId"] = externalId
        parameters["Policy"] = policy
        parameters["DurationSeconds"] = duration.map(String.init)
        let response = sts("AssumeRole", parameters, as: credentials)
        guard response.status == 200 else { throw HarnessFailure(response: response) }
        return TestCredentials(accessKeyId: try response.xmlValue("AccessKeyId"),
                               secretAccessKey: try response.xmlValue("SecretAccessKey"),
                               sessionToken: try response.xmlValue("SessionToken"))
    }

    /// The central account's Role A session, then Role B of BU one.
    func roleBOneSession() throws -> TestCredentials {
        let roleA = try assume(ServerTestScenario.roleA)
        return try assume(ServerTestScenario.roleBOne, externalId: "ext-one", as: roleA)
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    var response: SandboxHTTPResponse
    var description: String { "HTTP \(response.status): \(response.text)" }
}

extension SandboxHTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The text of the first `<name>` element of an XML body.
    func xmlValue(_ name: String) throws -> String {
        guard let start = text.range(of: "<\(name)>"), let end = text.range(of: "</\(name)>", range: start.upperBound..<text.endIndex) else {
            throw HarnessFailure(response: self)
        }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// The error code in any of the three wire formats.
    var errorCode: String? {
        if let code = header("x-amzn-ErrorType") { return code }
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] { return object["__type"] as? String }
        return try? xmlValue("Code")
    }

    var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
}

/// The sandbox's NIO server with echo engines on an ephemeral loopback port, stopped afterwards
/// whether `body` throws or not. `clock`: nil keeps the scenario's own (fixed) data clock.
func withEchoServer(faults: String = "", clock: SandboxClock? = nil,
                    _ body: (SandboxServer, ServerTestHTTP) async throws -> Void) async throws {
    let server = SandboxServer(scenario: ServerTestScenario.make(),
                               options: SandboxOptions(quotas: .off, faults: try FaultPlan(parsing: faults)),
                               engines: .echo, clock: clock)
    let port = try await server.start()
    do {
        try await body(server, ServerTestHTTP(port: port))
    } catch {
        try await server.stop()
        throw error
    }
    try await server.stop()
}

extension ServerTestHTTP {
    /// Signs for the Host header the client really sends ("127.0.0.1:PORT").
    func signer(service: String = "sts") -> ServerTestSigner {
        ServerTestSigner(credentials: ServerTestScenario.reporter, service: service, host: "127.0.0.1:\(port)")
    }
}
