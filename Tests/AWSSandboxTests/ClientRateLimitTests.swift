import AWSCore
import AWSSandbox
import AWSServices
import Foundation
import Testing

/// The client's rate limiter against the sandbox's quotas, in real time.
@Suite(.timeLimit(.minutes(1))) struct ClientRateLimitTests {
    static let calls = 25

    /// `calls` back-to-back single-attempt ListQueryExecutions as `unit`'s Role B; the failures, in order.
    static func listHistory(_ sandbox: ClientSandbox, as unit: SampleBusinessUnit,
                            limiter: RateLimiter?) async throws -> [AWSServiceError] {
        var client = sandbox.client(try await ClientRoleChain(sandbox: sandbox).credentials(for: unit))
        client.rateLimiter = limiter
        let athena = AthenaClient(client: client)
        var failures: [AWSServiceError] = []
        for _ in 0..<calls {
            do {
                _ = try await athena.listQueryExecutions(ListQueryExecutionsInput(workGroup: "primary", maxResults: 1))
            } catch let error as AWSServiceError {
                failures.append(error)
            }
        }
        return failures
    }

    /// At the tool's margin (90% of 5/s, burst 9): at exactly the quota, a request that reaches the
    /// sandbox a little sooner after the previous one than it was sent (a loaded machine) is throttled.
    @Test(.timeLimit(.minutes(1)))
    func limiterKeepsABurstOfListQueryExecutionsUnderTheQuota() async throws {
        let table = RateLimitTable.awsDefaults.withSafetyFactor(RateLimitTable.recommendedSafetyFactor)
        try await ClientSandbox.run(quotas: .aws) { sandbox in
            let started = ContinuousClock.now
            let failures = try await Self.listHistory(sandbox, as: .retail, limiter: RateLimiter(table: table))
            let elapsed = ContinuousClock.now - started

            #expect(failures.map(\.code) == [])
            #expect(try await sandbox.counters().throttled["athena"]?["ListQueryExecutions"] ?? 0 == 0)
            // 9 go at once, the other 16 at 4.5/s: 3.56 s. Only the lower bound is firm; a busy
            // machine stretches the calls themselves.
            #expect(elapsed >= .seconds(3.5), "took \(elapsed)")
            #expect(elapsed < .seconds(40), "took \(elapsed)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func withoutTheLimiterTheSameCallsAreThrottled() async throws {
        try await ClientSandbox.run(quotas: .aws) { sandbox in
            // All at once, so they land inside one burst window however slow the machine is.
            let athena = AthenaClient(client: sandbox.client(try await ClientRoleChain(sandbox: sandbox).credentials(for: .invest)))
            let failures = try await withThrowingTaskGroup(of: AWSServiceError?.self) { group in
                for _ in 0..<Self.calls {
                    group.addTask {
                        do {
                            _ = try await athena.listQueryExecutions(ListQueryExecutionsInput(workGroup: "primary", maxResults: 1))
                            return nil
                        } catch let error as AWSServiceError {
                            return error
                        }
                    }
                }
                var failures: [AWSServiceError] = []
                for try await failure in group { if let failure { failures.append(failure) } }
                return failures
            }

            #expect(!failures.isEmpty)
            #expect(failures.allSatisfy { $0.code == "ThrottlingException" })
        }
    }

    @Test func clientDefaultsAgreeWithTheSandboxsQuotas() {
        for (action, quota) in APIQuota.awsDefaults {
            let client = RateLimitTable.awsDefaults.quotas[action]
            #expect(client?.ratePerSecond == quota.ratePerSecond, "\(action)")
            #expect(client.map { Double($0.burst) } == quota.burst, "\(action)")
        }
    }
}
