import Synchronization

/// Token buckets per account, region and API, as AWS counts its API quotas. Refill follows real elapsed (monotonic) time, not the
/// scenario clock, so moving the sandbox clock never grants or takes away capacity.
public final class SandboxQuotas: Sendable {
    private let quotas: [String: APIQuota]
    private let monotonicNanoseconds: @Sendable () -> UInt64
    private let buckets = Mutex<[String: TokenBucket]>([:])

    /// `quotas` is keyed by IAM action ("athena:ListQueryExecutions").
    public init(quotas: [String: APIQuota] = APIQuota.awsDefaults,
                monotonicNanoseconds: @escaping @Sendable () -> UInt64 = SandboxQuotas.continuousNanoseconds) {
        self.quotas = quotas
        self.monotonicNanoseconds = monotonicNanoseconds
    }

    /// Now, on the clock the buckets refill by.
    public func stamp() -> UInt64 { monotonicNanoseconds() }

    /// Spends one call of `action` for `account` in `region`, arrived at `arrivedAt` (default:
    /// now); false when over quota.
    public func admit(action: String, account: String, region: String = "", arrivedAt: UInt64? = nil) -> Bool {
        guard let quota = quotas[action] else { return true }
        let now = arrivedAt ?? monotonicNanoseconds()
        let key = account + "|" + region + "|" + action
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? TokenBucket(ratePerSecond: quota.ratePerSecond, burst: quota.burst, now: now)
            let admitted = bucket.take(now: now)
            buckets[key] = bucket
            return admitted
        }
    }

    private static let origin = ContinuousClock.now

    /// Nanoseconds of real, monotonic time since the process started using quotas.
    @Sendable public static func continuousNanoseconds() -> UInt64 {
        // Read the (lazily set) origin first, so the elapsed time can never be negative.
        let start = origin
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }
}
