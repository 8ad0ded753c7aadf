import AWSCore
import AWSSandbox
import ChargebackCore
import Foundation

/// One in-process sandbox on an ephemeral loopback port and the AWS clients, role chains and
/// environment that reach it: the one harness every test target and the bench use. Clients
/// sign with the sandbox's signing clock, so a frozen sandbox freezes them too.
public final class SandboxHarness: Sendable {
    public let server: SandboxServer
    /// The organisation the sandbox serves: the source of truth answers are checked against.
    public let scenario: Scenario
    public let port: Int
    /// Every client of the harness sends through it, so tests can count attempts and refusals.
    public let http: RecordingHTTPClient

    public var endpointURL: String { "http://127.0.0.1:\(port)" }
    public var clock: SandboxClock { server.clock }
    public var counters: SandboxCounters { server.counters }

    /// The sample organisation's reporter (an IAM user of the central account), whose keys start every chain.
    public static let reporter = StaticCredentialProvider(AWSCredentials(
        accessKeyId: SandboxScenarios.sampleReporterAccessKeyId,
        secretAccessKey: SandboxScenarios.sampleReporterSecretAccessKey), name: "sandbox reporter")

    /// Retries that never sleep, for faults that do not depend on real time.
    public static func instantRetries(_ attempts: Int = 3) -> RetryPolicy {
        RetryPolicy(maxAttempts: attempts, random: { 0 }, sleep: { _ in })
    }

    private init(server: SandboxServer, scenario: Scenario, port: Int, concurrentRequests: Int) {
        self.server = server
        self.scenario = scenario
        self.port = port
        // No proxy settings from the environment: the sandbox is on loopback.
        self.http = RecordingHTTPClient(wrapping: CurlHTTPClient(
            configuration: .init(maxConcurrentRequests: concurrentRequests), environment: [:]))
    }

    /// Starts a sandbox serving `scenario` with the given `--faults` text and quotas.
    /// `frozenClock`: the sandbox's clocks move only when the test moves them, so a slow machine
    /// cannot shift a time window between two steps of a test.
    /// `concurrentRequests`: the clients' transfers at once (the tool sizes it to its concurrency).
    public static func start(scenario: Scenario, faults: String = "", quotas: SandboxOptions.QuotaMode = .off,
                             frozenClock: Bool = false, concurrentRequests: Int = 16) async throws -> SandboxHarness {
        let options = SandboxOptions(quotas: quotas, faults: try FaultPlan(parsing: faults))
        let instant = Date()
        let clock = frozenClock ? SandboxClock(start: scenario.clock, realNow: { instant }) : nil
        let server = SandboxServer(scenario: scenario, options: options, engines: SandboxEngines(scenario: scenario),
                                   clock: clock)
        let port = try await server.start(port: 0)
        return SandboxHarness(server: server, scenario: scenario, port: port, concurrentRequests: concurrentRequests)
    }

    /// Runs `body` against a fresh sandbox and stops it afterwards, whether `body` throws or not.
    public static func with<Result>(scenario: Scenario, faults: String = "", quotas: SandboxOptions.QuotaMode = .off,
                                    frozenClock: Bool = false, concurrentRequests: Int = 16,
                                    _ body: (SandboxHarness) async throws -> Result) async throws -> Result {
        let harness = try await start(scenario: scenario, faults: faults, quotas: quotas, frozenClock: frozenClock,
                                      concurrentRequests: concurrentRequests)
        do {
            let result = try await body(harness)
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    /// A client acting as `credentials` in `region`, every service endpoint this sandbox.
    public func client(_ credentials: any CredentialProvider = SandboxHarness.reporter, region: String = "us-east-1",
                       retry: RetryPolicy = SandboxHarness.instantRetries()) -> AWSClient {
        let clock = server.clock
        return AWSClient(http: http, credentialProvider: credentials, region: region,
                         endpoints: EndpointResolver(overrideURL: endpointURL, environment: [:]), retry: retry,
                         clock: { clock.signingNow() })
    }

    /// The role chain from `base`, through Role A when `runAsRoleArn` is given; with `rateLimits`,
    /// every account's calls are paced to them, as the tool runs.
    public func chain(runAsRoleArn: String?, base: any CredentialProvider = SandboxHarness.reporter,
                      retry: RetryPolicy = SandboxHarness.instantRetries(), rateLimits: RateLimitTable? = nil) -> RoleChain {
        var central = client(base, retry: retry)
        central.rateLimiter = rateLimits.map { RateLimiter(table: $0) }
        return RoleChain(base: base, runAsRoleArn: runAsRoleArn, client: central, rateLimits: rateLimits)
    }

    /// AssumeRole calls the sandbox answered for principals of `account` (the caller's account).
    public func assumeRoleCalls(by account: String = SandboxScenarios.centralAccountId) -> Int {
        counters.requests(service: "sts", operation: "AssumeRole", account: account)
    }

    /// Calls refused because their session had expired (STS's ExpiredToken, the JSON services' ExpiredTokenException).
    public var expiredTokenRejections: Int {
        http.errorResponses(naming: "ExpiredToken") + http.errorResponses(naming: "ExpiredTokenException")
    }

    /// What `GET /_sandbox/counters` reports, read over the wire as any client would (its own
    /// transport, so it does not count as a client request).
    public func controlCounters() async throws -> SandboxControlCounters {
        let request = HTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: port, path: "/_sandbox/counters")
        let response = try await CurlHTTPClient(environment: [:]).send(request)
        guard response.status == 200,
              let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        else { throw SandboxHarnessFailure("GET /_sandbox/counters answered HTTP \(response.status)") }
        return SandboxControlCounters(faults: object["faults"] as? [String: Int] ?? [:],
                                      throttled: object["throttled"] as? [String: [String: Int]] ?? [:])
    }

    /// The environment that points the CLI at this sandbox with the sample reporter's sandbox-only keys.
    public var environment: [String: String] {
        ["AWS_ENDPOINT_URL": endpointURL, "AWS_REGION": "us-east-1",
         "AWS_ACCESS_KEY_ID": SandboxScenarios.sampleReporterAccessKeyId,
         "AWS_SECRET_ACCESS_KEY": SandboxScenarios.sampleReporterSecretAccessKey]
    }

    public func stop() async {
        try? await server.stop()
    }
}

/// What `GET /_sandbox/counters` reports about injected faults and throttling.
public struct SandboxControlCounters: Sendable {
    /// Fault kind ("server_error", "throttle", "reset", …) → injections.
    public var faults: [String: Int]
    /// Service → operation → throttled calls (quota or injected).
    public var throttled: [String: [String: Int]]

    /// Every throttled call, all services and operations.
    public var throttledTotal: Int { throttled.values.flatMap(\.values).reduce(0, +) }
}

/// A test precondition the sandbox did not meet.
public struct SandboxHarnessFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
