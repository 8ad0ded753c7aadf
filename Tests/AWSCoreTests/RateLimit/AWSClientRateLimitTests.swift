import ChargebackTestSupport
import AWSCore
import Foundation
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1))) struct AWSClientRateLimitTests {
    /// One call per second, no burst: every attempt after the first must wait a full second.
    static let oneCallPerSecond = RateLimitTable(quotas: ["athena:ListWorkGroups": .init(ratePerSecond: 1, burst: 1)])
    static let body = Data(#"{"WorkGroups":[]}"#.utf8)

    /// What happened, in order: limiter waits and requests sent.
    final class Timeline: Sendable {
        private let events = Mutex<[String]>([])
        var recorded: [String] { events.withLock { $0 } }
        func append(_ event: String) { events.withLock { $0.append(event) } }
    }

    static func client(_ http: StubHTTPClient, limiter: RateLimiter?, maxAttempts: Int = 3) -> AWSClient {
        AWSClient(http: http, credentialProvider: StaticCredentialProvider(AWSClientTests.credentials),
                  region: "us-west-2", endpoints: EndpointResolver(environment: [:]),
                  retry: RetryPolicy(maxAttempts: maxAttempts, random: { 0 }, sleep: { _ in }),
                  clock: { AWSClientTests.date }, rateLimiter: limiter)
    }

    @Test func everyAttemptWaitsForItsTurnRetriesIncluded() async throws {
        let timeline = Timeline()
        let clock = LimiterClock()
        let limiter = RateLimiter(table: Self.oneCallPerSecond, now: clock.now, sleep: { seconds in
            timeline.append("wait \(seconds)")
            try await clock.sleep(seconds)
        })
        let http = StubHTTPClient { _, index in
            timeline.append("send \(index) at \(clock.now())")
            return index < 2
                ? HTTPResponse(status: 400, body: Data(#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#.utf8))
                : HTTPResponse(status: 200, body: Self.body)
        }

        _ = try await Self.client(http, limiter: limiter).json11(
            .athena, operation: "ListWorkGroups", input: AWSClientTests.ListWorkGroupsInput(MaxResults: 50),
            as: AWSClientTests.ListWorkGroupsOutput.self)

        #expect(timeline.recorded == ["send 0 at 0.0", "wait 1.0", "send 1 at 1.0", "wait 1.0", "send 2 at 2.0"])
    }

    @Test func limiterIsKeyedBySigningRegionServiceAndOperation() async throws {
        let clock = LimiterClock(frozen: true)
        let limiter = clock.limiter(Self.oneCallPerSecond)
        let http = StubHTTPClient(always: HTTPResponse(status: 200, body: Self.body))
        let client = Self.client(http, limiter: limiter)
        let input = AWSClientTests.ListWorkGroupsInput(MaxResults: 50)

        _ = try await client.json11(.athena, operation: "ListWorkGroups", input: input,
                                    as: AWSClientTests.ListWorkGroupsOutput.self)
        _ = try await client.with(region: "eu-west-1").json11(.athena, operation: "ListWorkGroups", input: input,
                                                              as: AWSClientTests.ListWorkGroupsOutput.self)
        #expect(clock.sleeps.isEmpty)

        _ = try await client.json11(.athena, operation: "ListWorkGroups", input: input,
                                    as: AWSClientTests.ListWorkGroupsOutput.self)
        #expect(clock.sleeps == [1])
    }

    @Test func copiesShareTheirLimiter() {
        let limiter = RateLimiter(table: Self.oneCallPerSecond)
        let client = Self.client(StubHTTPClient(always: HTTPResponse(status: 200)), limiter: limiter)

        #expect(client.with(region: "eu-west-1").rateLimiter === limiter)
        #expect(client.with(credentials: StaticCredentialProvider(AWSClientTests.credentials)).rateLimiter === limiter)
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellationWhileWaitingStopsBeforeSending() async throws {
        let parking = ParkingSleep()
        let limiter = RateLimiter(table: Self.oneCallPerSecond, now: { 0 }, sleep: parking.sleep)
        let http = StubHTTPClient(always: HTTPResponse(status: 200, body: Self.body))
        let client = Self.client(http, limiter: limiter)
        #expect(try await limiter.acquire(RateLimitKey(region: "us-west-2", service: "athena", operation: "ListWorkGroups")) == 0)
        parking.arm()

        let call = Task {
            let output = try await client.json11(.athena, operation: "ListWorkGroups",
                                                 input: AWSClientTests.ListWorkGroupsInput(MaxResults: 50),
                                                 as: AWSClientTests.ListWorkGroupsOutput.self)
            parking.passedWithoutWaiting()
            return output
        }
        var events = parking.events.makeAsyncIterator()
        let waited = try #require(await events.next())
        try #require(waited > 0, "the second call went without waiting: the burst is larger than 1")
        call.cancel()

        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(http.requests.isEmpty)
    }
}
