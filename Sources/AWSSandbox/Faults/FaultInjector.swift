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
        var random: ScenarioRandom
        var stormRemaining = 0
    }
    private let state: Mutex<State>

    public init(plan: FaultPlan) {
        self.plan = plan
        self.state = Mutex(State(random: ScenarioRandom(seed: plan.seed)))
    }

    /// Decides the fault for the next API call. Draws the same numbers for every call so one
    /// kind's rate does not shift another kind's sequence.
    public func nextDecision() -> FaultDecision {
        state.withLock { state in
            let draws = (0..<6).map { _ in state.random.unit() }
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
