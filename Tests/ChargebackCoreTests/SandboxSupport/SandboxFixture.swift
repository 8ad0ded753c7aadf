import AWSCore
import AWSSandbox
import ChargebackCore
import Foundation

/// One in-process sandbox on an ephemeral loopback port, and AWS clients that reach it.
/// The clients sign with the sandbox's clock, so advancing the sandbox moves the client too.
final class SandboxFixture: Sendable {
    let server: SandboxServer
    let endpointURL: String
    /// Every client of this fixture sends through it, so tests can see which calls AWS refused.
    let http: RecordingHTTPClient

    private init(server: SandboxServer, port: Int) {
        self.server = server
        self.endpointURL = "http://127.0.0.1:\(port)"
        // No proxy settings from the environment: the sandbox is on loopback.
        self.http = RecordingHTTPClient(wrapping: CurlHTTPClient(environment: [:]))
    }

    /// Starts a sandbox serving `scenario` with the given `--faults` text.
    /// `frozenClock`: the sandbox clock moves only when the test moves it, so a slow machine
    /// cannot shift a time window between two steps of a test.
    static func start(scenario: Scenario = SampleOrganisation.scenario, faults: String = "",
                      quotas: SandboxOptions.QuotaMode = .off, frozenClock: Bool = false) async throws -> SandboxFixture {
        let options = SandboxOptions(quotas: quotas, faults: try FaultPlan(parsing: faults))
        let instant = Date()
        let clock = frozenClock ? SandboxClock(start: scenario.clock, realNow: { instant }) : nil
        let server = SandboxServer(scenario: scenario, options: options, engines: SandboxEngines(scenario: scenario),
                                   clock: clock)
        let port = try await server.start(port: 0)
        return SandboxFixture(server: server, port: port)
    }

    var clock: SandboxClock { server.clock }
    var counters: SandboxCounters { server.counters }

    /// A client acting as `credentials`, signing with the sandbox's clock; retries never sleep.
    func client(_ credentials: any CredentialProvider = SampleOrganisation.reporter,
                region: String = SampleOrganisation.region) -> AWSClient {
        let clock = server.clock
        return AWSClient(http: http, credentialProvider: credentials, region: region,
                         endpoints: EndpointResolver(overrideURL: endpointURL, environment: [:]),
                         retry: RetryPolicy(random: { 0 }, sleep: { _ in }),
                         clock: { clock.signingNow() })
    }

    /// The role chain from `base`, through Role A when `runAsRoleArn` is given.
    func chain(runAsRoleArn: String?, base: any CredentialProvider = SampleOrganisation.reporter) -> RoleChain {
        RoleChain(base: base, runAsRoleArn: runAsRoleArn, client: client(base))
    }

    /// AssumeRole calls the sandbox answered for principals of `account` (the caller's account).
    func assumeRoleCalls(by account: String = SandboxScenarios.centralAccountId) -> Int {
        counters.requests(service: "sts", operation: "AssumeRole", account: account)
    }

    /// Calls refused because their session had expired (STS's ExpiredToken, the JSON services' ExpiredTokenException).
    var expiredTokenRejections: Int {
        http.errorResponses(naming: "ExpiredToken") + http.errorResponses(naming: "ExpiredTokenException")
    }

    func stop() async {
        try? await server.stop()
    }
}

/// Runs `body` against a fresh sandbox and stops the sandbox afterwards, whether `body` throws or not.
func withSandbox<Result>(scenario: Scenario = SampleOrganisation.scenario, faults: String = "", frozenClock: Bool = false,
                         _ body: (SandboxFixture) async throws -> Result) async throws -> Result {
    let sandbox = try await SandboxFixture.start(scenario: scenario, faults: faults, frozenClock: frozenClock)
    do {
        let result = try await body(sandbox)
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}
