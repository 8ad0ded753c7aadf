import Foundation

/// AWS's standard retry mode: up to `maxAttempts` tries, waiting
/// `random(0,1) × min(base × 2^(attempt-1), maxBackoff)` between them (full jitter),
/// for throttling, 5xx, timeouts and connection errors only.
/// Time and randomness are injected, so tests never sleep.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: TimeInterval
    public var maxBackoff: TimeInterval
    /// A number in [0, 1).
    public var random: @Sendable () -> Double
    public var sleep: @Sendable (TimeInterval) async throws -> Void

    public init(maxAttempts: Int = 3, baseDelay: TimeInterval = 1, maxBackoff: TimeInterval = 20,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                sleep: @escaping @Sendable (TimeInterval) async throws -> Void = RetryPolicy.taskSleep) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.random = random
        self.sleep = sleep
    }

    public static let taskSleep: @Sendable (TimeInterval) async throws -> Void = { seconds in
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }

    /// The wait before retry number `attempt` (1 = the wait after the first failure).
    public func delay(afterAttempt attempt: Int) -> TimeInterval {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(baseDelay * pow(2, Double(exponent)), maxBackoff)
        return random() * ceiling
    }

    /// Transient error codes retried whatever their status.
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete", "IDPCommunicationError",
        "InternalError", "InternalFailure", "ServiceUnavailable",
    ]

    /// Whether an error is worth another try.
    public static func isRetryable(_ error: any Error) -> Bool {
        switch error {
        case let error as AWSServiceError:
            // Never retried, even with a 5xx (a misbehaving proxy, an emulator): the decoder's caller
            // errors (denied, bad or expired credentials, invalid requests).
            if AWSErrorDecoder.callerErrorCodes.contains(error.code) { return false }
            if error.isThrottling || transientCodes.contains(error.code) { return true }
            return [500, 502, 503, 504].contains(error.httpStatus) || error.httpStatus == 429
        case let error as HTTPClientError:
            return error.isRetryable
        case let AWSClientError.transport(_, _, error):
            return error.isRetryable
        case AWSClientError.invalidResponse:
            // A successful status with a body that cannot be read: damaged on the way, as AWS
            // answers what its model says. Asked for again, within the same attempts.
            return true
        default:
            return false
        }
    }

    /// Runs `body`, retrying retryable failures. `onRetry` hears each failure that will be retried.
    public func run<T: Sendable>(
        _ body: @Sendable (_ attempt: Int) async throws -> T,
        onRetry: @Sendable (_ attempt: Int, _ error: any Error, _ delay: TimeInterval) -> Void = { _, _, _ in }
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await body(attempt)
            } catch {
                guard attempt < maxAttempts, Self.isRetryable(error), !(error is CancellationError) else { throw error }
                let wait = delay(afterAttempt: attempt)
                onRetry(attempt, error, wait)
                try await sleep(wait)
                attempt += 1
            }
        }
    }
}
