import AWSCore
import Foundation
import Testing

@Suite(.timeLimit(.minutes(1))) struct CachingCredentialProviderTests {
    let clock = CredentialsTestClock()

    /// A source of one-hour sessions, each with a distinct key id, as STS AssumeRole gives in a role chain.
    func hourlySessions() -> CountingCredentialProvider {
        let clock = self.clock
        return CountingCredentialProvider { number in
            AWSCredentials(accessKeyId: "ASIA\(number)", secretAccessKey: "secret-\(number)", sessionToken: "token-\(number)",
                           expiration: clock.now().addingTimeInterval(3600))
        }
    }

    @Test func servesCachedCredentialsOutsideTheRefreshWindow() async throws {
        let base = hourlySessions()
        let cache = CachingCredentialProvider(wrapping: base, now: clock.now)

        let first = try await cache.credentials()
        clock.advance(by: 44 * 60)
        let later = try await cache.credentials()

        #expect(later == first)
        #expect(base.calls == 1)
    }

    @Test func refreshesInsideTheAdvisoryWindow() async throws {
        let base = hourlySessions()
        let cache = CachingCredentialProvider(wrapping: base, now: clock.now)

        _ = try await cache.credentials()
        clock.advance(by: 46 * 60)
        let refreshed = try await cache.credentials()

        #expect(refreshed.accessKeyId == "ASIA2")
        #expect(base.calls == 2)
    }

    @Test func aFailedAdvisoryRefreshFallsBackUntilTheMandatoryWindow() async throws {
        let clock = self.clock
        let base = CountingCredentialProvider { number in
            guard number == 1 else { throw CredentialProviderError(provider: "flaky", message: "STS unavailable") }
            return AWSCredentials(accessKeyId: "ASIA1", secretAccessKey: "s", expiration: clock.now().addingTimeInterval(3600))
        }
        let cache = CachingCredentialProvider(wrapping: base, now: clock.now)

        let first = try await cache.credentials()
        clock.advance(by: 47 * 60)
        #expect(try await cache.credentials() == first, "12 minutes left: still safe to use")
        clock.advance(by: 4 * 60)
        await #expect(throws: CredentialProviderError.self, "9 minutes left: a refresh is mandatory") {
            try await cache.credentials()
        }
    }

    // MARK: The window edges: a refresh is due when exactly the window is left, not a second later.

    @Test func oneSecondBeforeTheAdvisoryEdgeTheCacheServes() async throws {
        let base = hourlySessions()
        let cache = CachingCredentialProvider(wrapping: base, now: clock.now)

        let first = try await cache.credentials()
        clock.advance(by: 45 * 60 - 1)  // 15 minutes and 1 second left
        #expect(try await cache.credentials() == first)
        #expect(base.calls == 1)
    }

    @Test func exactlyAtTheAdvisoryEdgeTheCacheRefreshes() async throws {
        let base = hourlySessions()
        let cache = CachingCredentialProvider(wrapping: base, now: clock.now)

        _ = try await cache.credentials()
        clock.advance(by: 45 * 60)  // exactly 15 minutes left
        #expect(try await cache.credentials().accessKeyId == "ASIA2")
        #expect(base.calls == 2)
    }

    /// A source that answers once, then fails: what the cache serves shows which window it is in.
    func oneSessionThenFailures() -> CountingCredentialProvider {
        let clock = self.clock
        return CountingCredentialProvider { number in
            guard number == 1 else { throw CredentialProviderError(provider: "flaky", message: "STS unavailable") }
            return AWSCredentials(accessKeyId: "ASIA1", secretAccessKey: "s", expiration: clock.now().addingTimeInterval(3600))
        }
    }

    @Test func oneSecondBeforeTheMandatoryEdgeAFailedRefreshFallsBack() async throws {
        let cache = CachingCredentialProvider(wrapping: oneSessionThenFailures(), now: clock.now)

        let first = try await cache.credentials()
        clock.advance(by: 50 * 60 - 1)  // 10 minutes and 1 second left
        #expect(try await cache.credentials() == first)
    }

    @Test func exactlyAtTheMandatoryEdgeAFailedRefreshIsAnError() async throws {
        let cache = CachingCredentialProvider(wrapping: oneSessionThenFailures(), now: clock.now)

        _ = try await cache.credentials()
        clock.advance(by: 50 * 60)  // exactly 10 minutes left
        await #expect(throws: CredentialProviderError.self) { try await cache.credentials() }
    }

    @Test func credentialsExpiringExactlyNowAreAnError() async throws {
        let clock = self.clock
        let base = CountingCredentialProvider { _ in
            AWSCredentials(accessKeyId: "ASIANOW", secretAccessKey: "s", expiration: clock.now())
        }
        await #expect(throws: CredentialProviderError.self) {
            try await CachingCredentialProvider(wrapping: base, now: clock.now).credentials()
        }
    }

    @Test(arguments: [(899.0, true), (900.0, true), (901.0, false)])
    func expiresWithinCountsTheEdgeAsInside(secondsLeft: TimeInterval, inside: Bool) {
        let now = clock.now()
        let credentials = AWSCredentials(accessKeyId: "ASIA", secretAccessKey: "s", expiration: now.addingTimeInterval(secondsLeft))
        #expect(credentials.expires(within: 900, of: now) == inside)
    }

    @Test(.timeLimit(.minutes(1)))
    func twentyConcurrentCallersShareOneRefresh() async throws {
        let gate = CredentialsGate()
        let clock = self.clock
        let base = CountingCredentialProvider { _ in
            await gate.wait()
            return AWSCredentials(accessKeyId: "ASIASHARED", secretAccessKey: "s", expiration: clock.now().addingTimeInterval(3600))
        }
        let cache = CachingCredentialProvider(wrapping: base, now: clock.now)

        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.credentials().accessKeyId } }
            while base.calls == 0 {
                try Task.checkCancellation()
                await Task.yield()
            }
            for _ in 0..<100 { await Task.yield() }
            await gate.open()
            return try await group.reduce(into: []) { $0.append($1) }
        }

        #expect(keys == Array(repeating: "ASIASHARED", count: 20))
        #expect(base.calls == 1)
    }

    @Test func aFiveHourRunNeverGetsExpiredCredentials() async throws {
        let base = hourlySessions()
        let cache = CachingCredentialProvider(wrapping: base, now: clock.now)
        let start = clock.now()

        while clock.now() < start.addingTimeInterval(5 * 3600) {
            let credentials = try await cache.credentials()
            let expiration = try #require(credentials.expiration)
            #expect(expiration.timeIntervalSince(clock.now()) > 10 * 60, "never inside the mandatory window")
            clock.advance(by: 60)
        }
        // One-hour sessions refreshed 15 minutes early: a new session every 45 minutes over 300 minutes.
        #expect(base.calls == 7)
    }

    @Test func credentialsWithoutExpirationAreCachedForGood() async throws {
        let base = CountingCredentialProvider { _ in AWSCredentials(accessKeyId: "AKIALONG", secretAccessKey: "s") }
        let cache = CachingCredentialProvider(wrapping: base, now: clock.now)

        _ = try await cache.credentials()
        clock.advance(by: 365 * 86400)
        _ = try await cache.credentials()

        #expect(base.calls == 1)
    }

    @Test func alreadyExpiredCredentialsAreAnError() async throws {
        let clock = self.clock
        let base = CountingCredentialProvider { _ in
            AWSCredentials(accessKeyId: "ASIAOLD", secretAccessKey: "old-secret", sessionToken: "old-token",
                           expiration: clock.now().addingTimeInterval(-1))
        }
        let error = try await #require(throws: CredentialProviderError.self) {
            try await CachingCredentialProvider(wrapping: base, now: clock.now).credentials()
        }
        #expect(error.description.contains("expired"))
        #expect(!error.description.contains("old-secret") && !error.description.contains("old-token"))
    }

    @Test func customWindowsApply() async throws {
        let base = hourlySessions()
        let cache = CachingCredentialProvider(wrapping: base, advisoryWindow: 5 * 60, mandatoryWindow: 60, now: clock.now)

        _ = try await cache.credentials()
        clock.advance(by: 50 * 60)
        _ = try await cache.credentials()
        #expect(base.calls == 1)
        clock.advance(by: 6 * 60)
        _ = try await cache.credentials()
        #expect(base.calls == 2)
    }
}

@Suite(.timeLimit(.minutes(1))) struct CredentialProviderChainTests {
    struct Absent: CredentialProvider {
        let name: String
        func credentials() async throws -> AWSCredentials {
            throw CredentialProviderError(provider: name, message: "not set up", isTerminal: false)
        }
    }

    struct Broken: CredentialProvider {
        let name = "Broken"
        func credentials() async throws -> AWSCredentials {
            throw CredentialProviderError(provider: name, message: "configured but failing")
        }
    }

    @Test func skipsUnconfiguredProvidersAndKeepsToTheFirstThatAnswers() async throws {
        let winner = CountingCredentialProvider { _ in AWSCredentials(accessKeyId: "AKIAWIN", secretAccessKey: "s") }
        let later = CountingCredentialProvider { _ in AWSCredentials(accessKeyId: "AKIALATER", secretAccessKey: "s") }
        let chain = CredentialProviderChain([Absent(name: "First"), winner, later])

        #expect(try await chain.credentials().accessKeyId == "AKIAWIN")
        #expect(try await chain.credentials().accessKeyId == "AKIAWIN")
        #expect(winner.calls == 2 && later.calls == 0)
    }

    @Test func aTerminalFailureStopsTheChain() async throws {
        let later = CountingCredentialProvider { _ in AWSCredentials(accessKeyId: "AKIALATER", secretAccessKey: "s") }
        let error = try await #require(throws: CredentialProviderError.self) {
            try await CredentialProviderChain([Absent(name: "First"), Broken(), later]).credentials()
        }
        #expect(error.provider == "Broken")
        #expect(later.calls == 0)
    }

    @Test func failingEverywhereListsWhatWasTried() async throws {
        let error = try await #require(throws: CredentialProviderError.self) {
            try await CredentialProviderChain([Absent(name: "Alpha"), Absent(name: "Beta")], name: "TestChain").credentials()
        }
        #expect(error.isTerminal)
        #expect(error.provider == "TestChain")
        #expect(error.message.contains("Alpha, Beta"))
        #expect(!error.message.contains("not set up"), "names only")
    }
}
