import AWSCore
import AWSSandbox
import Foundation

/// A running sandbox over the sample organisation, reached through the project's own transport
/// (`CurlHTTPClient`) and clients on an ephemeral loopback port.
struct ClientSandbox: Sendable {
    let server: SandboxServer
    /// The organisation the sandbox serves: the source of truth the decoded answers are checked against.
    let scenario: Scenario
    let port: Int
    /// Counts every request the clients send, retries included.
    let http: CountingHTTPClient

    var endpointURL: String { "http://127.0.0.1:\(port)" }

    /// The central account's IAM user "reporter".
    static let reporter = AWSCredentials(accessKeyId: SandboxScenarios.sampleReporterAccessKeyId,
                                         secretAccessKey: SandboxScenarios.sampleReporterSecretAccessKey)

    /// One attempt per call: conformance checks want to see exactly what the sandbox answered.
    static let singleAttempt = RetryPolicy(maxAttempts: 1, sleep: { _ in })

    /// Retries without waiting, for faults that do not depend on real time.
    static func instantRetries(_ attempts: Int) -> RetryPolicy {
        RetryPolicy(maxAttempts: attempts, sleep: { _ in })
    }

    /// Starts a sandbox with `faults` (the `--faults` syntax), runs `body`, and stops the server
    /// whether `body` succeeds or throws.
    static func run<Result: Sendable>(quotas: SandboxOptions.QuotaMode = .off, faults: String = "",
                                      _ body: (ClientSandbox) async throws -> Result) async throws -> Result {
        let scenario = SandboxScenarios.sample(now: Date())
        let server = SandboxServer(scenario: scenario,
                                   options: SandboxOptions(quotas: quotas, faults: try FaultPlan(parsing: faults)))
        let port = try await server.start(port: 0)
        let sandbox = ClientSandbox(server: server, scenario: scenario, port: port,
                                    http: CountingHTTPClient(CurlHTTPClient(environment: [:])))
        let result: Result
        do {
            result = try await body(sandbox)
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
        return result
    }

    /// An `AWSClient` for `credentials` whose every service endpoint is this sandbox.
    func client(_ credentials: AWSCredentials, region: String = "us-east-1",
                retry: RetryPolicy = ClientSandbox.singleAttempt) -> AWSClient {
        AWSClient(http: http, credentialProvider: StaticCredentialProvider(credentials), region: region,
                  endpoints: EndpointResolver(overrideURL: endpointURL, environment: [:]), retry: retry)
    }

    /// The sandbox's counters as `GET /_sandbox/counters` serves them (control calls bypass
    /// faults, and use their own transport so they do not count as client requests).
    func counters() async throws -> ClientSandboxCounters {
        let request = HTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: port,
                                  path: "/_sandbox/counters")
        let response = try await CurlHTTPClient(environment: [:]).send(request)
        guard response.status == 200,
              let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        else { throw ClientSandboxFailure("GET /_sandbox/counters answered HTTP \(response.status)") }
        return ClientSandboxCounters(
            faults: object["faults"] as? [String: Int] ?? [:],
            throttled: object["throttled"] as? [String: [String: Int]] ?? [:])
    }
}

/// What `GET /_sandbox/counters` reports about injected faults and throttling.
struct ClientSandboxCounters: Sendable {
    /// Fault kind ("server_error", "throttle", "reset", …) → injections.
    var faults: [String: Int]
    /// Service → operation → throttled calls (quota or injected).
    var throttled: [String: [String: Int]]
}

/// A test precondition the sandbox did not meet.
struct ClientSandboxFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
