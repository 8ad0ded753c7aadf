import Foundation

/// One token bucket kept as the time its next token becomes free (the generic cell rate
/// algorithm), so a caller can reserve a token that is not there yet and be told when it will be.
struct TokenSchedule: Sendable {
    /// Seconds between tokens at the steady rate.
    let interval: TimeInterval
    /// How far ahead of the steady schedule a burst may run: the bucket's capacity minus one token.
    let tolerance: TimeInterval
    /// When the bucket would be empty again if nothing else were reserved; -∞ while it is full.
    private(set) var theoreticalArrival = -TimeInterval.infinity

    init(_ quota: RateLimitTable.Quota) {
        interval = 1 / quota.ratePerSecond
        tolerance = Double(quota.burst - 1) * interval
    }

    /// A reservation: when its call may go, and the schedule it left behind (to recognise it on release).
    struct Reservation: Sendable {
        var slot: TimeInterval
        var scheduleAfter: TimeInterval
    }

    /// Takes the next token at or after `now`.
    mutating func reserve(at now: TimeInterval) -> Reservation {
        let slot = max(now, theoreticalArrival - tolerance)
        theoreticalArrival = max(theoreticalArrival, now) + interval
        return Reservation(slot: slot, scheduleAfter: theoreticalArrival)
    }

    /// Gives back a reservation that will not be used, when no later one depends on it; a token
    /// already promised to a later caller stays spent, which only errs on the slow side.
    mutating func release(_ reservation: Reservation) {
        guard theoreticalArrival == reservation.scheduleAfter else { return }
        theoreticalArrival -= interval
    }
}
