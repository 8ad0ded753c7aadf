import Foundation

/// The call rates a `RateLimiter` keeps each API under, keyed by IAM action
/// ("athena:ListQueryExecutions"). Operations not in the table are not limited.
public struct RateLimitTable: Sendable, Equatable {
    /// A token bucket: `burst` calls at once, refilled at `ratePerSecond`.
    public struct Quota: Sendable, Equatable {
        public var ratePerSecond: Double
        public var burst: Int

        /// `ratePerSecond` must be positive; `burst` is at least one call.
        public init(ratePerSecond: Double, burst: Int) {
            precondition(ratePerSecond > 0 && ratePerSecond.isFinite, "a rate limit needs a positive, finite rate")
            self.ratePerSecond = ratePerSecond
            self.burst = max(1, burst)
        }
    }

    /// The quotas as published (or assumed), before the safety factor.
    public var quotas: [String: Quota]
    /// The share of each quota actually used, in (0, 1]: 0.95 keeps a run 5% under the quota, so
    /// network jitter (requests arriving closer together than they were sent) does not cause throttling.
    public var safetyFactor: Double
    /// Seconds by which requests may arrive closer together than they were sent (network and
    /// scheduling jitter). The burst is kept short by the calls the rate grants in that time, so
    /// such a bunched arrival still fits AWS's bucket; the rate itself is not lowered.
    public var jitterAllowance: TimeInterval

    public init(quotas: [String: Quota], safetyFactor: Double = 1, jitterAllowance: TimeInterval = 0) {
        precondition(safetyFactor > 0 && safetyFactor <= 1, "the rate limit safety factor must be in (0, 1]")
        precondition(jitterAllowance >= 0 && jitterAllowance.isFinite, "the jitter allowance must be a finite, non-negative time")
        self.quotas = quotas
        self.safetyFactor = safetyFactor
        self.jitterAllowance = jitterAllowance
    }

    /// The margin the command-line tool runs at: each quota's full rate, with its burst shortened
    /// by 0.4 s of calls (ListQueryExecutions: 8 of 10 at 5/s). A token bucket that the client keeps
    /// exactly is only throttled when requests bunch up on the way, and a short burst absorbs that
    /// bunching without giving up rate. Measured against the sandbox (which enforces AWS's quotas):
    /// no throttled answer, where 95% of rate and burst still saw a few and ran 5% slower.
    public static let recommendedJitterAllowance: TimeInterval = 0.4

    /// The same quotas run at `factor` of their rate and burst.
    public func withSafetyFactor(_ factor: Double) -> RateLimitTable {
        RateLimitTable(quotas: quotas, safetyFactor: factor, jitterAllowance: jitterAllowance)
    }

    /// The same quotas with bursts shortened by `seconds` of calls.
    public func withJitterAllowance(_ seconds: TimeInterval) -> RateLimitTable {
        RateLimitTable(quotas: quotas, safetyFactor: safetyFactor, jitterAllowance: seconds)
    }

    /// The quota to keep `key` under, the safety factor and the jitter allowance applied (a burst
    /// of at least one call); nil when the API is not limited.
    public func quota(for key: RateLimitKey) -> Quota? {
        guard let quota = quotas[key.action] else { return nil }
        let rate = quota.ratePerSecond * safetyFactor
        let burst = Int((Double(quota.burst) * safetyFactor).rounded(.down))
        let heldBack = Int((rate * jitterAllowance).rounded(.up))
        return Quota(ratePerSecond: rate, burst: burst - heldBack)
    }

    /// Every API the tool calls, per account and region. The sandbox enforces the same numbers.
    ///
    /// - Athena ListQueryExecutions 5/10, BatchGetQueryExecution 20/40, GetQueryExecution and
    ///   GetQueryResults 100/200, StartQueryExecution 20/80: Athena's published per-account API quotas.
    /// - Athena ListWorkGroups and GetWorkGroup 5/10: unverified (no per-API figure published); configurable.
    /// - Cost Explorer GetCostAndUsage and GetDimensionValues 5/10: unverified; configurable. Cost Explorer
    ///   also bills per request.
    /// - QuickSight List/Describe DataSources and DataSets 10/20: unverified (no per-API figure published);
    ///   configurable.
    /// - STS AssumeRole, AssumeRoleWithWebIdentity and GetCallerIdentity 100/200: unverified (STS publishes
    ///   an account-wide request rate, not per-API figures); configurable.
    public static let awsDefaults = RateLimitTable(quotas: [
        "athena:ListQueryExecutions": Quota(ratePerSecond: 5, burst: 10),
        "athena:BatchGetQueryExecution": Quota(ratePerSecond: 20, burst: 40),
        "athena:GetQueryExecution": Quota(ratePerSecond: 100, burst: 200),
        "athena:GetQueryResults": Quota(ratePerSecond: 100, burst: 200),
        "athena:StartQueryExecution": Quota(ratePerSecond: 20, burst: 80),
        "athena:ListWorkGroups": Quota(ratePerSecond: 5, burst: 10),
        "athena:GetWorkGroup": Quota(ratePerSecond: 5, burst: 10),
        "ce:GetCostAndUsage": Quota(ratePerSecond: 5, burst: 10),
        "ce:GetDimensionValues": Quota(ratePerSecond: 5, burst: 10),
        "quicksight:ListDataSources": Quota(ratePerSecond: 10, burst: 20),
        "quicksight:DescribeDataSource": Quota(ratePerSecond: 10, burst: 20),
        "quicksight:ListDataSets": Quota(ratePerSecond: 10, burst: 20),
        "quicksight:DescribeDataSet": Quota(ratePerSecond: 10, burst: 20),
        "sts:AssumeRole": Quota(ratePerSecond: 100, burst: 200),
        "sts:AssumeRoleWithWebIdentity": Quota(ratePerSecond: 100, burst: 200),
        "sts:GetCallerIdentity": Quota(ratePerSecond: 100, burst: 200),
    ])
}
