import AWSCore
import Foundation
import Synchronization
import Testing

/// Records the delays a policy asked to sleep for, instead of sleeping.
final class SleepRecorder: Sendable {
    private let delays = Mutex<[TimeInterval]>([])

    var recorded: [TimeInterval] { delays.withLock { $0 } }

    var sleep: @Sendable (TimeInterval) async throws -> Void {
        { [self] seconds in delays.withLock { $0.append(seconds) } }
    }
}

/// Counts calls to a body that fails a scripted number of times.
final class AttemptCounter: Sendable {
    private let attempts = Mutex<[Int]>([])

    var seen: [Int] { attempts.withLock { $0 } }

    func record(_ attempt: Int) -> Int {
        attempts.withLock {
            $0.append(attempt)
            return $0.count
        }
    }
}

@Suite struct RetryPolicyTests {
    static func serviceError(_ code: String, status: Int = 400) -> AWSServiceError {
        AWSServiceError(service: "Athena", operation: "ListWorkGroups", code: code, message: "", httpStatus: status, requestId: nil)
    }

    static func policy(maxAttempts: Int = 3, random: Double = 0.5, recorder: SleepRecorder) -> RetryPolicy {
        RetryPolicy(maxAttempts: maxAttempts, baseDelay: 1, maxBackoff: 20, random: { random }, sleep: recorder.sleep)
    }

    // MARK: Backoff

    /// Full jitter: random × min(base × 2^(attempt-1), maxBackoff).
    @Test(arguments: [
        (0.5, 1, 0.5), (0.5, 2, 1.0), (0.5, 3, 2.0), (0.5, 4, 4.0), (0.5, 5, 8.0), (0.5, 6, 10.0), (0.5, 40, 10.0),
        (0.0, 3, 0.0), (0.25, 5, 4.0), (0.999, 7, 19.98),
    ])
    func backoffIsJitteredExponentialAndCapped(random: Double, attempt: Int, expected: TimeInterval) {
        let policy = RetryPolicy(baseDelay: 1, maxBackoff: 20, random: { random }, sleep: { _ in })
        #expect(abs(policy.delay(afterAttempt: attempt) - expected) < 1e-9)
    }

    @Test func backoffScalesWithTheBaseDelay() {
        let policy = RetryPolicy(baseDelay: 0.1, maxBackoff: 0.5, random: { 1 }, sleep: { _ in })
        let delays = (1...5).map { policy.delay(afterAttempt: $0) }
        #expect(zip(delays, [0.1, 0.2, 0.4, 0.5, 0.5]).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test func atLeastOneAttemptIsMade() {
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
        #expect(RetryPolicy(maxAttempts: -3).maxAttempts == 1)
    }

    // MARK: Running

    @Test func retriesUntilSuccessSleepingTheComputedDelays() async throws {
        let recorder = SleepRecorder()
        let counter = AttemptCounter()
        let heard = Mutex<[(Int, TimeInterval)]>([])
        let policy = Self.policy(maxAttempts: 4, random: 0.5, recorder: recorder)

        let value = try await policy.run({ attempt in
            if counter.record(attempt) < 3 { throw Self.serviceError("ThrottlingException") }
            return "done"
        }, onRetry: { attempt, _, delay in heard.withLock { $0.append((attempt, delay)) } })

        #expect(value == "done")
        #expect(counter.seen == [1, 2, 3])
        #expect(recorder.recorded == [0.5, 1.0])
        #expect(heard.withLock { $0.map(\.0) } == [1, 2])
        #expect(heard.withLock { $0.map(\.1) } == [0.5, 1.0])
    }

    @Test(arguments: [1, 2, 3, 5])
    func stopsAtMaxAttemptsAndThrowsTheLastError(maxAttempts: Int) async {
        let recorder = SleepRecorder()
        let counter = AttemptCounter()
        let policy = Self.policy(maxAttempts: maxAttempts, recorder: recorder)

        await #expect(throws: Self.serviceError("ServiceUnavailable", status: 503)) {
            try await policy.run { attempt -> Int in
                _ = counter.record(attempt)
                throw Self.serviceError("ServiceUnavailable", status: 503)
            }
        }
        #expect(counter.seen == Array(1...maxAttempts))
        #expect(recorder.recorded.count == maxAttempts - 1)
    }

    @Test(arguments: ["AccessDenied", "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ValidationException"])
    func neverRetriesCallerErrorsEvenWithA5xx(code: String) async {
        for status in [400, 403, 503] {
            let recorder = SleepRecorder()
            let counter = AttemptCounter()
            let error = Self.serviceError(code, status: status)

            #expect(!RetryPolicy.isRetryable(error))
            await #expect(throws: error) {
                try await Self.policy(maxAttempts: 5, recorder: recorder).run { attempt -> Int in
                    _ = counter.record(attempt)
                    throw error
                }
            }
            #expect(counter.seen == [1])
            #expect(recorder.recorded.isEmpty)
        }
    }

    @Test func cancellationIsNotRetried() async {
        let recorder = SleepRecorder()
        let counter = AttemptCounter()
        await #expect(throws: CancellationError.self) {
            try await Self.policy(recorder: recorder).run { attempt -> Int in
                _ = counter.record(attempt)
                throw CancellationError()
            }
        }
        #expect(counter.seen == [1])
    }

    // MARK: What is retryable

    /// The codes each service the tool calls throttles with, as AWS documents them, written out
    /// here rather than read from the policy, so a code dropped from the policy fails a test.
    static let documentedThrottling: [(String, String, Int)] = [
        ("CostExplorer", "LimitExceededException", 400),
        ("Athena", "ThrottlingException", 400),
        ("Athena", "TooManyRequestsException", 400),
        ("STS", "Throttling", 400),
        ("QuickSight", "ThrottlingException", 429),
    ]

    /// AWS's standard retry mode: the throttling codes every SDK retries.
    static let standardModeThrottlingCodes = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
    ]

    /// Standard mode's transient codes, retried whatever their status.
    static let standardModeTransientCodes = ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"]

    @Test(arguments: documentedThrottling)
    func eachServicesDocumentedThrottlingCodeIsRetried(service: String, code: String, status: Int) async throws {
        let error = AWSServiceError(service: service, operation: "Call", code: code, message: "Rate exceeded",
                                    httpStatus: status, requestId: nil)
        #expect(error.isThrottling)
        #expect(RetryPolicy.isRetryable(error))
        // And the policy really tries again: a throttled first attempt, then success.
        let recorder = SleepRecorder()
        let counter = AttemptCounter()
        let value = try await Self.policy(recorder: recorder).run { attempt -> String in
            if counter.record(attempt) == 1 { throw error }
            return "ok"
        }
        #expect(value == "ok")
        #expect(counter.seen == [1, 2])
    }

    /// With a 400 status, only the code can make these retryable.
    @Test(arguments: standardModeThrottlingCodes)
    func standardModeThrottlingCodesAreRetried(code: String) {
        #expect(Self.serviceError(code, status: 400).isThrottling)
        #expect(RetryPolicy.isRetryable(Self.serviceError(code, status: 400)))
    }

    @Test(arguments: standardModeTransientCodes)
    func standardModeTransientCodesAreRetried(code: String) {
        #expect(RetryPolicy.isRetryable(Self.serviceError(code, status: 400)))
    }

    @Test(arguments: ["IDPCommunicationError"])
    func stsWebIdentityCommunicationErrorsAreRetried(code: String) {
        #expect(RetryPolicy.isRetryable(AWSServiceError(service: "STS", operation: "AssumeRoleWithWebIdentity", code: code,
                                                        message: "", httpStatus: 400, requestId: nil)))
    }

    @Test(arguments: ["ResourceNotFoundException", "DataUnavailableException", "InvalidNextTokenException",
                      "BillExpirationException", "RequestChangedException"])
    func otherServiceErrorsAreNotThrottling(code: String) {
        #expect(!Self.serviceError(code).isThrottling)
        #expect(!RetryPolicy.isRetryable(Self.serviceError(code, status: 400)))
    }

    @Test(arguments: [500, 502, 503, 504, 429])
    func serverAndTooManyRequestsStatusesAreRetried(status: Int) {
        #expect(RetryPolicy.isRetryable(Self.serviceError("HTTP\(status)", status: status)))
        #expect(RetryPolicy.isRetryable(Self.serviceError("InternalServerException", status: status)))
    }

    @Test(arguments: [400, 401, 403, 404, 409, 501])
    func otherStatusesWithUnknownCodesAreNotRetried(status: Int) {
        #expect(!RetryPolicy.isRetryable(Self.serviceError("ResourceNotFoundException", status: status)))
    }

    @Test(arguments: [
        (HTTPClientError.Kind.couldNotResolveHost, true), (.couldNotConnect, true), (.timedOut, true),
        (.connectionReset, true), (.malformedResponse, true),
        (.tlsFailure, false), (.responseTooLarge, false), (.cancelled, false), (.other, false),
    ])
    func transportErrorsAreRetriedWhenTransient(kind: HTTPClientError.Kind, retryable: Bool) {
        let error = HTTPClientError(kind: kind, host: "athena.us-east-1.amazonaws.com", detail: "test")
        #expect(RetryPolicy.isRetryable(error) == retryable)
        #expect(RetryPolicy.isRetryable(AWSClientError.transport(service: "Athena", operation: "ListWorkGroups", error)) == retryable)
    }

    @Test("an answer that arrived but cannot be read (garbled, cut) is transient")
    func unreadableAnswersAreRetried() {
        #expect(RetryPolicy.isRetryable(AWSClientError.invalidResponse(service: "STS", operation: "AssumeRole", detail: "x")))
    }

    @Test func clientSideErrorsAreNotRetried() {
        #expect(!RetryPolicy.isRetryable(AWSClientError.invalidRequest(service: "STS", operation: "AssumeRole", detail: "x")))
        #expect(!RetryPolicy.isRetryable(AWSClientError.credentials(
            service: "STS", operation: "AssumeRole", CredentialProviderError(provider: "Env", message: "none"))))
    }
}
