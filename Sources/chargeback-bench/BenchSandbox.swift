import AWSCore
import AWSSandbox
import ChargebackCore
import Foundation

/// An in-process sandbox on a free loopback port, and AWS clients that reach it over real HTTP.
struct BenchSandbox: Sendable {
    let server: SandboxServer
    let scenario: Scenario
    let endpointURL: String
    let http: CurlHTTPClient

    /// The central account's IAM user whose keys start every role chain.
    static let reporter = StaticCredentialProvider(AWSCredentials(
        accessKeyId: SandboxScenarios.sampleReporterAccessKeyId,
        secretAccessKey: SandboxScenarios.sampleReporterSecretAccessKey), name: "bench reporter")

    static func start(_ scenario: Scenario, quotas: SandboxOptions.QuotaMode) async throws -> BenchSandbox {
        let server = SandboxServer(scenario: scenario, options: SandboxOptions(quotas: quotas))
        let port = try await server.start(port: 0)
        // No proxy settings from the environment: the sandbox is on loopback.
        return BenchSandbox(server: server, scenario: scenario, endpointURL: "http://127.0.0.1:\(port)",
                            http: CurlHTTPClient(environment: [:]))
    }

    /// A client acting as `credentials` (default: the reporter) that signs with the sandbox's clock.
    func client(_ credentials: any CredentialProvider = BenchSandbox.reporter,
                retry: RetryPolicy = RetryPolicy()) -> AWSClient {
        let clock = server.clock
        return AWSClient(http: http, credentialProvider: credentials, region: SandboxScenarios.quickRegion,
                         endpoints: EndpointResolver(overrideURL: endpointURL, environment: [:]),
                         retry: retry, clock: { clock.signingNow() })
    }

    /// The chain reporter → Role A → Role B, as the sample and synthetic organisations are built.
    /// With `rateLimits`, every account's calls are paced to them, as the tool runs.
    func roleChain(retry: RetryPolicy = RetryPolicy(), rateLimits: RateLimitTable? = nil) -> RoleChain {
        var central = client(retry: retry)
        central.rateLimiter = rateLimits.map { RateLimiter(table: $0) }
        return RoleChain(base: Self.reporter, runAsRoleArn: SandboxScenarios.runAsRoleArn, client: central,
                         rateLimits: rateLimits)
    }

    /// AssumeRole calls made by principals of the central account (both steps of every chain).
    var centralAssumeRoleCalls: Int {
        server.counters.requests(service: "sts", operation: "AssumeRole", account: SandboxScenarios.centralAccountId)
    }

    /// Calls the sandbox refused with ThrottlingException, per "service:Operation", read from
    /// its control endpoint.
    func throttledCalls() async throws -> [String: Int] {
        let request = HTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1",
                                  port: URL(string: endpointURL)?.port, path: "/_sandbox/counters")
        let response = try await http.send(request)
        guard response.status == 200,
              let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let throttled = object["throttled"] as? [String: [String: Int]]
        else {
            throw BenchError("the sandbox's GET /_sandbox/counters answered HTTP \(response.status) without a \"throttled\" object")
        }
        var calls: [String: Int] = [:]
        for (service, operations) in throttled {
            for (operation, count) in operations { calls["\(service):\(operation)"] = count }
        }
        return calls
    }

    func stop() async {
        try? await server.stop()
    }
}

/// Runs `body` against a fresh sandbox and stops it afterwards, whether `body` throws or not.
func withBenchSandbox<T>(_ scenario: Scenario, quotas: SandboxOptions.QuotaMode,
                         _ body: (BenchSandbox) async throws -> T) async throws -> T {
    let sandbox = try await BenchSandbox.start(scenario, quotas: quotas)
    do {
        let value = try await body(sandbox)
        await sandbox.stop()
        return value
    } catch {
        await sandbox.stop()
        throw error
    }
}

/// A benchmark that could not run or produced a wrong answer.
struct BenchError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { "chargeback-bench: \(message)" }
}
