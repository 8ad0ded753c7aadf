import AWSCore
@testable import AWSSandbox
import AWSServices
import Foundation
import Synchronization
import Testing

/// One fake monotonic clock read by both the client's rate limiter and the sandbox's token
/// buckets: the limiter's waits move it, nothing else does, so what the sandbox admits depends on
/// the schedule the limiter keeps and never on how fast the machine is.
final class SharedQuotaClock: Sendable {
    private let seconds = Mutex<TimeInterval>(0)

    var now: TimeInterval { seconds.withLock { $0 } }

    /// For `RateLimiter(now:)`.
    var read: @Sendable () -> TimeInterval { { self.now } }

    /// For `RateLimiter(sleep:)`: waiting moves the clock on by the wait.
    var sleep: @Sendable (TimeInterval) async throws -> Void { { waited in self.seconds.withLock { $0 += waited } } }

    /// For `SandboxQuotas(monotonicNanoseconds:)`.
    var nanoseconds: @Sendable () -> UInt64 { { UInt64((self.now * 1_000_000_000).rounded()) } }
}

/// The sandbox's router reached in process: the client's requests, signed as for the wire, are
/// answered by the same routing, authentication and quota code as over HTTP.
struct RouterHTTPClient: HTTPClient {
    let router: SandboxRouter

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let uri = request.path + (request.query.isEmpty ? "" : "?" + request.query)
        let answer = router.respond(to: SandboxHTTPRequest(method: request.method, uri: uri,
                                                           headers: request.headers.map { ($0.name, $0.value) },
                                                           body: request.body))
        return HTTPResponse(status: answer.status, headers: HTTPHeaders(answer.headers), body: answer.body)
    }
}

/// The client's rate limiter against the sandbox's AWS quotas (ListQueryExecutions 5/s, burst 10),
/// on one injected clock.
@Suite(.timeLimit(.minutes(1))) struct ClientRateLimitTests {
    static let calls = 25
    static let start = ISO8601DateFormatter().date(from: "2026-11-20T10:00:00Z")!

    struct Harness {
        let router: SandboxRouter
        let clock = SharedQuotaClock()

        init() {
            let scenario = SandboxScenarios.sample(now: ClientRateLimitTests.start)
            let frozen = ClientRateLimitTests.start
            let clock = self.clock
            router = SandboxRouter(scenario: scenario, options: SandboxOptions(quotas: .aws),
                                   engines: SandboxEngines(scenario: scenario),
                                   clock: SandboxClock(start: scenario.clock, realNow: { frozen }),
                                   quotas: SandboxQuotas(monotonicNanoseconds: clock.nanoseconds))
        }

        func client(_ credentials: AWSCredentials, limiter: RateLimiter? = nil) -> AWSClient {
            let sandboxClock = router.clock
            return AWSClient(http: RouterHTTPClient(router: router), credentialProvider: StaticCredentialProvider(credentials),
                             region: "us-east-1", endpoints: EndpointResolver(overrideURL: "http://127.0.0.1:4566", environment: [:]),
                             retry: RetryPolicy(maxAttempts: 1, sleep: { _ in }), clock: { sandboxClock.now() },
                             rateLimiter: limiter)
        }

        /// Retail's Role B, through Role A, as the demo reaches it.
        func retailRoleB() async throws -> AWSCredentials {
            let reporter = AWSCredentials(accessKeyId: SandboxScenarios.sampleReporterAccessKeyId,
                                          secretAccessKey: SandboxScenarios.sampleReporterSecretAccessKey)
            let roleA = try await STSClient(client: client(reporter)).assumeRole(AssumeRoleInput(
                roleArn: SandboxScenarios.runAsRoleArn, roleSessionName: "chargeback-role-a"))
            let roleB = SandboxScenarios.roleArn(account: "222222222222", name: SandboxScenarios.consumerRoleName)
            return try await STSClient(client: client(roleA.credentials)).assumeRole(AssumeRoleInput(
                roleArn: roleB, roleSessionName: "chargeback-retail",
                externalId: SandboxScenarios.dataSourceArn("athena-retail"))).credentials
        }

        /// `calls` back-to-back single-attempt ListQueryExecutions; the failures' codes.
        func listHistory(limiter: RateLimiter?) async throws -> [String] {
            let athena = AthenaClient(client: client(try await retailRoleB(), limiter: limiter))
            var failures: [String] = []
            for _ in 0..<ClientRateLimitTests.calls {
                do {
                    _ = try await athena.listQueryExecutions(ListQueryExecutionsInput(workGroup: "primary", maxResults: 1))
                } catch let error as AWSServiceError {
                    failures.append(error.code)
                }
            }
            return failures
        }

        var throttledListCalls: Int {
            let throttled = router.counters.snapshot()["throttled"] as? [String: [String: Int]]
            return throttled?["athena"]?["ListQueryExecutions"] ?? 0
        }
    }

    /// At the tool's margin (5/s, the burst of 10 shortened by 0.4 s of calls to 8) nothing is
    /// throttled, and the limiter granted the calls on its schedule: 8 at once, the other 17 at 5/s.
    @Test func limiterAtTheToolsMarginKeepsABurstUnderTheQuota() async throws {
        let harness = Harness()
        let table = RateLimitTable.awsDefaults.withJitterAllowance(RateLimitTable.recommendedJitterAllowance)
        let limiter = RateLimiter(table: table, now: harness.clock.read, sleep: harness.clock.sleep)

        let failures = try await harness.listHistory(limiter: limiter)

        #expect(failures == [])
        #expect(harness.throttledListCalls == 0)
        #expect(RateLimitTable.recommendedJitterAllowance == 0.4)
        #expect(abs(harness.clock.now - 17 / 5.0) < 1e-6, "the limiter's clock reads \(harness.clock.now) s")
    }

    /// The same calls with no limiter, all at one instant: the quota's burst of 10 goes through and
    /// every later call is throttled, counted by the sandbox.
    @Test func withoutTheLimiterTheSameCallsAreThrottled() async throws {
        let harness = Harness()

        let failures = try await harness.listHistory(limiter: nil)

        #expect(failures == Array(repeating: "ThrottlingException", count: Self.calls - 10))
        #expect(harness.throttledListCalls == Self.calls - 10)
    }

    /// A limiter configured above the quota (twice AWS's rate and burst) is throttled: the counter
    /// tells a limiter that keeps the quota from one that does not.
    @Test func aLimiterAboveTheQuotaIsThrottled() async throws {
        let harness = Harness()
        let table = RateLimitTable(quotas: ["athena:ListQueryExecutions": .init(ratePerSecond: 10, burst: 20)])
        let limiter = RateLimiter(table: table, now: harness.clock.read, sleep: harness.clock.sleep)

        let failures = try await harness.listHistory(limiter: limiter)

        #expect(harness.throttledListCalls == failures.count)
        #expect(failures.count >= 10, "the second half of a 20-call burst exceeds the quota's 10")
    }

    /// AWS's published Athena quotas (calls per second, burst), written out: both the client's
    /// table and the sandbox's must hold them, so neither can drift with the other.
    static let publishedAthenaQuotas: [(String, Double, Int)] = [
        ("athena:ListQueryExecutions", 5, 10),
        ("athena:BatchGetQueryExecution", 20, 40),
        ("athena:GetQueryExecution", 100, 200),
    ]

    @Test(arguments: publishedAthenaQuotas)
    func clientAndSandboxHoldAWSPublishedQuotas(action: String, rate: Double, burst: Int) {
        #expect(RateLimitTable.awsDefaults.quotas[action] == RateLimitTable.Quota(ratePerSecond: rate, burst: burst))
        #expect(APIQuota.awsDefaults[action] == APIQuota(ratePerSecond: rate, burst: Double(burst)))
    }

    @Test func clientDefaultsAgreeWithTheSandboxsQuotas() {
        for (action, quota) in APIQuota.awsDefaults {
            let client = RateLimitTable.awsDefaults.quotas[action]
            #expect(client?.ratePerSecond == quota.ratePerSecond, "\(action)")
            #expect(client.map { Double($0.burst) } == quota.burst, "\(action)")
        }
    }
}
