import AWSCore
import AWSSandbox
import ChargebackCore
import ChargebackTestSupport
import Foundation

/// The shared sandbox harness as the benchmarks use it: the sample's reporter and Role A, real
/// retry waits, and quota counters read over the wire.
struct BenchSandbox: Sendable {
    let harness: SandboxHarness

    var server: SandboxServer { harness.server }

    /// A client acting as the reporter that signs with the sandbox's clock.
    func client(retry: RetryPolicy = RetryPolicy()) -> AWSClient {
        harness.client(retry: retry)
    }

    /// The chain reporter → Role A → Role B, as the sample and synthetic organisations are built.
    /// With `rateLimits`, every account's calls are paced to them, as the tool runs.
    func roleChain(retry: RetryPolicy = RetryPolicy(), rateLimits: RateLimitTable? = nil) -> RoleChain {
        harness.chain(runAsRoleArn: SandboxScenarios.runAsRoleArn, retry: retry, rateLimits: rateLimits)
    }

    /// AssumeRole calls made by principals of the central account (both steps of every chain).
    var centralAssumeRoleCalls: Int { harness.assumeRoleCalls() }
}

/// Runs `body` against a fresh sandbox and stops it afterwards, whether `body` throws or not.
func withBenchSandbox<T>(_ scenario: Scenario, quotas: SandboxOptions.QuotaMode, concurrentRequests: Int = 16,
                         _ body: (BenchSandbox) async throws -> T) async throws -> T {
    try await SandboxHarness.with(scenario: scenario, quotas: quotas, concurrentRequests: concurrentRequests) {
        try await body(BenchSandbox(harness: $0))
    }
}

/// A benchmark that could not run or produced a wrong answer.
struct BenchError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { "chargeback-bench: \(message)" }
}
