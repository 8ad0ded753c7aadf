import AWSCore
import Foundation
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1))) struct RateLimiterTests {
    static let listKey = RateLimitKey(region: "us-east-1", service: "athena", operation: "ListQueryExecutions")
    static let fivePerSecond = RateLimitTable(quotas: [
        "athena:ListQueryExecutions": .init(ratePerSecond: 5, burst: 10),
        "athena:BatchGetQueryExecution": .init(ratePerSecond: 20, burst: 40),
    ])

    /// Admission times of `count` back-to-back calls to `key`.
    static func admissions(_ limiter: RateLimiter, _ clock: LimiterClock, key: RateLimitKey = listKey,
                           count: Int) async throws -> [TimeInterval] {
        var times: [TimeInterval] = []
        for _ in 0..<count {
            try await limiter.acquire(key)
            times.append(clock.now())
        }
        return times
    }

    static func expectClose(_ actual: [TimeInterval], _ expected: [TimeInterval],
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (got, want) in zip(actual, expected) {
            #expect(abs(got - want) < 1e-9, "got \(got), expected \(want)", sourceLocation: sourceLocation)
        }
    }

    @Test func burstGoesAtOnceThenOneCallPerInterval() async throws {
        let clock = LimiterClock()
        let limiter = clock.limiter(Self.fivePerSecond)

        let times = try await Self.admissions(limiter, clock, count: 15)

        Self.expectClose(times, Array(repeating: 0, count: 10) + [0.2, 0.4, 0.6, 0.8, 1.0])
    }

    @Test func idleTimeRefillsTheBurstButNeverBeyondIt() async throws {
        let clock = LimiterClock()
        let limiter = clock.limiter(Self.fivePerSecond)
        _ = try await Self.admissions(limiter, clock, count: 10)

        clock.advance(60)
        let times = try await Self.admissions(limiter, clock, count: 11)

        Self.expectClose(times, Array(repeating: 60, count: 10) + [60.2])
    }

    @Test func keysDoNotShareTokens() async throws {
        let clock = LimiterClock()
        let limiter = clock.limiter(Self.fivePerSecond)
        _ = try await Self.admissions(limiter, clock, count: 10)

        var otherRegion = Self.listKey
        otherRegion.region = "eu-west-1"
        let batchGet = RateLimitKey(region: "us-east-1", service: "athena", operation: "BatchGetQueryExecution")
        #expect(try await limiter.acquire(otherRegion) == 0)
        #expect(try await limiter.acquire(batchGet) == 0)
        #expect(clock.sleeps.isEmpty)
        #expect(try await limiter.acquire(Self.listKey) > 0)
    }

    @Test func limitersDoNotShareTokens() async throws {
        let clock = LimiterClock()
        let accountA = clock.limiter(Self.fivePerSecond)
        let accountB = clock.limiter(Self.fivePerSecond)
        _ = try await Self.admissions(accountA, clock, count: 10)

        #expect(try await accountB.acquire(Self.listKey) == 0)
    }

    @Test func concurrentCallersGetDistinctSlotsAtTheRate() async throws {
        let clock = LimiterClock(frozen: true)
        let limiter = clock.limiter(Self.fivePerSecond)

        let waits = try await withThrowingTaskGroup(of: TimeInterval.self) { group in
            for _ in 0..<30 { group.addTask { try await limiter.acquire(Self.listKey) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        let expected = Array(repeating: 0.0, count: 10) + (1...20).map { Double($0) * 0.2 }
        Self.expectClose(waits.sorted(), expected)
        #expect(clock.sleeps.count == 20)
    }

    @Test func laterCallersWaitLongerInArrivalOrder() async throws {
        let clock = LimiterClock(frozen: true)
        let limiter = clock.limiter(Self.fivePerSecond)
        var waits: [TimeInterval] = []
        for _ in 0..<14 { waits.append(try await limiter.acquire(Self.listKey)) }

        Self.expectClose(waits, Array(repeating: 0, count: 10) + [0.2, 0.4, 0.6, 0.8])
    }

    @Test(arguments: [
        RateLimitKey(region: "us-east-1", service: "athena", operation: "ListDataCatalogs"),
        RateLimitKey(region: "us-east-1", service: "s3", operation: "ListQueryExecutions"),
    ])
    func operationsNotInTheTableNeverWait(_ key: RateLimitKey) async throws {
        let clock = LimiterClock(frozen: true)
        let limiter = clock.limiter(Self.fivePerSecond)

        for _ in 0..<1_000 { #expect(try await limiter.acquire(key) == 0) }

        #expect(clock.sleeps.isEmpty)
    }

    @Test func safetyFactorSlowsTheRateAndShrinksTheBurst() async throws {
        let clock = LimiterClock()
        let limiter = clock.limiter(Self.fivePerSecond.withSafetyFactor(0.9))

        let times = try await Self.admissions(limiter, clock, count: 11)

        Self.expectClose(times, Array(repeating: 0, count: 9) + [1 / 4.5, 2 / 4.5])
    }

    @Test(.timeLimit(.minutes(1)))
    func cancelledWaiterGivesItsTurnBack() async throws {
        let parking = ParkingSleep()
        let limiter = RateLimiter(table: Self.fivePerSecond, now: { 0 }, sleep: parking.sleep)
        // The burst of 10 goes without waiting (a wait here throws: the burst is too small).
        for _ in 0..<10 { #expect(try await limiter.acquire(Self.listKey) == 0) }
        parking.arm()

        let waiter = Task {
            let waited = try await limiter.acquire(Self.listKey)
            parking.passedWithoutWaiting()
            return waited
        }
        var events = parking.events.makeAsyncIterator()
        let reserved = try #require(await events.next())
        try #require(reserved > 0, "the 11th call went without waiting: the burst is larger than 10")
        #expect(abs(reserved - 0.2) < 1e-9)
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }

        // The next caller gets the cancelled caller's turn, not the one after it.
        let next = Task {
            let waited = try await limiter.acquire(Self.listKey)
            parking.passedWithoutWaiting()
            return waited
        }
        #expect(await events.next() == reserved)
        next.cancel()
        _ = await next.result
    }

    @Test func alreadyCancelledTaskThrowsWithoutTakingAToken() async throws {
        let clock = LimiterClock(frozen: true)
        let limiter = clock.limiter(Self.fivePerSecond)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await limiter.acquire(Self.listKey)
        }
        await #expect(throws: CancellationError.self) { try await task.value }

        #expect(try await Self.admissions(limiter, clock, count: 10).allSatisfy { $0 == 0 })
        #expect(clock.sleeps.isEmpty)
    }
}
