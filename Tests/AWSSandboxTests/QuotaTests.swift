@testable import AWSSandbox
import Foundation
import Synchronization
import Testing

/// A hand-moved monotonic clock for token buckets.
final class ManualNanoseconds: Sendable {
    private let value = Mutex<UInt64>(0)
    func advance(seconds: Double) { value.withLock { $0 += UInt64(seconds * 1_000_000_000) } }
    var read: @Sendable () -> UInt64 { { self.value.withLock { $0 } } }
}

@Suite struct QuotaTests {
    @Test func bucketAllowsTheBurstThenRefillsAtTheRate() {
        let time = ManualNanoseconds()
        let quotas = SandboxQuotas(quotas: ["athena:ListQueryExecutions": APIQuota(ratePerSecond: 5, burst: 10)],
                                   monotonicNanoseconds: time.read)
        let first = (0..<12).map { _ in quotas.admit(action: "athena:ListQueryExecutions", account: "222222222222") }
        #expect(first.filter { $0 }.count == 10)
        time.advance(seconds: 0.4)  // two tokens at 5/s
        let second = (0..<3).map { _ in quotas.admit(action: "athena:ListQueryExecutions", account: "222222222222") }
        #expect(second == [true, true, false])
        time.advance(seconds: 100)  // refill never exceeds the burst
        #expect((0..<11).filter { _ in quotas.admit(action: "athena:ListQueryExecutions", account: "222222222222") }.count == 10)
    }

    /// A call counts when it arrived, not when a busy sandbox handles it: two calls that arrived a
    /// second apart each find a token, though both are handled at the same later instant.
    @Test func callsCountAtTheirArrival() {
        let time = ManualNanoseconds()
        let quotas = SandboxQuotas(quotas: ["athena:ListQueryExecutions": APIQuota(ratePerSecond: 1, burst: 1)],
                                   monotonicNanoseconds: time.read)
        let first = quotas.stamp()
        time.advance(seconds: 1)
        let second = quotas.stamp()
        time.advance(seconds: 0.2)
        #expect(quotas.admit(action: "athena:ListQueryExecutions", account: "222222222222", arrivedAt: first))
        #expect(quotas.admit(action: "athena:ListQueryExecutions", account: "222222222222", arrivedAt: second))
        // A stamp older than the bucket's last refill grants nothing back.
        #expect(!quotas.admit(action: "athena:ListQueryExecutions", account: "222222222222", arrivedAt: first))
        #expect(!quotas.admit(action: "athena:ListQueryExecutions", account: "222222222222"))
    }

    @Test func bucketsArePerAccountAndPerAPI() {
        let time = ManualNanoseconds()
        let quotas = SandboxQuotas(monotonicNanoseconds: time.read)
        for _ in 0..<10 { _ = quotas.admit(action: "athena:ListQueryExecutions", account: "222222222222") }
        #expect(!quotas.admit(action: "athena:ListQueryExecutions", account: "222222222222"))
        #expect(quotas.admit(action: "athena:ListQueryExecutions", account: "333333333333"))
        // AWS counts quotas per region too: the same account has a fresh bucket elsewhere.
        for _ in 0..<10 { _ = quotas.admit(action: "athena:ListQueryExecutions", account: "444444444444", region: "us-east-1") }
        #expect(!quotas.admit(action: "athena:ListQueryExecutions", account: "444444444444", region: "us-east-1"))
        #expect(quotas.admit(action: "athena:ListQueryExecutions", account: "444444444444", region: "eu-west-1"))
        #expect(quotas.admit(action: "athena:BatchGetQueryExecution", account: "222222222222"))
        #expect(quotas.admit(action: "athena:UnlimitedOperation", account: "222222222222"))
    }

    @Test func aBurstOfThirtyListQueryExecutionsIsThrottled() throws {
        let time = ManualNanoseconds()
        let harness = ServerTestHarness(options: SandboxOptions(quotas: .aws), quotas: SandboxQuotas(monotonicNanoseconds: time.read))
        let session = try harness.roleBOneSession()
        let responses = (0..<30).map { _ in harness.athena("ListQueryExecutions", as: session) }
        let throttled = responses.filter { $0.errorCode == "ThrottlingException" }
        #expect(throttled.count == 20)
        #expect(throttled.allSatisfy { $0.status == 400 && $0.json["message"] as? String == "Rate exceeded" })
        let counters = harness.router.counters.snapshot()
        let throttledCounts = counters["throttled"] as? [String: [String: Int]]
        #expect(throttledCounts?["athena"]?["ListQueryExecutions"] == 20)
    }

    @Test func quotasOffNeverThrottle() throws {
        let harness = ServerTestHarness(options: SandboxOptions(quotas: .off))
        let session = try harness.roleBOneSession()
        let responses = (0..<30).map { _ in harness.athena("ListQueryExecutions", as: session) }
        #expect(responses.allSatisfy { $0.status == 200 })
    }

    @Test func quickSightThrottlesWith429() {
        let time = ManualNanoseconds()
        let harness = ServerTestHarness(options: SandboxOptions(quotas: .aws), quotas: SandboxQuotas(monotonicNanoseconds: time.read))
        let signer = harness.signer(service: "quicksight")
        let statuses = (0..<21).map { _ in
            harness.router.respond(to: signer.sign(method: "GET", uri: "/accounts/111111111111/data-sources", date: harness.now)).status
        }
        #expect(statuses.filter { $0 == 200 }.count == 20)
        #expect(statuses.last == 429)
    }
}
