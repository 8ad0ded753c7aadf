/// A classic token bucket: `burst` tokens at most, refilled at `ratePerSecond`.
/// Time is passed in (monotonic nanoseconds) so the bucket itself is a pure value.
struct TokenBucket: Sendable {
    let ratePerSecond: Double
    let burst: Double
    private var tokens: Double
    private var lastRefill: UInt64

    init(ratePerSecond: Double, burst: Double, now: UInt64) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.tokens = burst
        self.lastRefill = now
    }

    /// Takes one token if there is one; false means the call is over quota.
    mutating func take(now: UInt64) -> Bool {
        if now > lastRefill {
            let elapsed = Double(now - lastRefill) / 1_000_000_000
            tokens = min(burst, tokens + elapsed * ratePerSecond)
            lastRefill = now
        }
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
