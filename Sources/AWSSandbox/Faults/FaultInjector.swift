import Synchronization

/// What happens to one API call before (or instead of) its normal answer.
public enum FaultDecision: Sendable, Equatable {
    case none
    case serverError(status: Int, code: String)
    case throttle
    case reset
    case truncate
    case garble
}

/// Draws faults from a seeded generator so a run with the same seed and the same sequence of
/// calls injects the same faults.
public final class FaultInjector: Sendable {
    public let plan: FaultPlan
    private struct State {
        var random: SplitMix64
        var stormRemaining = 0
    }
    private let state: Mutex<State>

    public init(plan: FaultPlan) {
        self.plan = plan
        self.state = Mutex(State(random: SplitMix64(seed: plan.seed)))
    }

    /// Decides the fault for the next API call. Draws the same numbers for every call so one
    /// kind's rate does not shift another kind's sequence.
    public func nextDecision() -> FaultDecision {
        state.withLock { state in
            let draws = (0..<6).map { _ in state.random.nextUnitInterval() }
            if state.stormRemaining > 0 {
                state.stormRemaining -= 1
                return .throttle
            }
            if draws[0] < plan.resetRate { return .reset }
            if draws[1] < plan.errorRate {
                return draws[5] < 0.5 ? .serverError(status: 500, code: "InternalFailure")
                                      : .serverError(status: 503, code: "ServiceUnavailable")
            }
            if draws[2] < plan.throttleRate {
                state.stormRemaining = plan.throttleBurst - 1
                return .throttle
            }
            if draws[3] < plan.truncateRate { return .truncate }
            if draws[4] < plan.garbleRate { return .garble }
            return .none
        }
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
