import ChargebackModel
import Foundation

/// The billed Athena cost apportioned over a unit's workgroups (see docs/computation.md,
/// "Reconciliation"): in proportion to each workgroup's exact estimate, by largest remainder with
/// ties by region then name, so the workgroup lines add up exactly to the bill.
struct AthenaReconciliation {
    /// Cents per workgroup, in the order given.
    var reconciled: [Decimal]
    /// The part of the bill no query explains: the whole bill when every estimate is zero.
    var unattributed: Decimal?

    /// - Parameters:
    ///   - billed: the unit's Athena bill in cents (may be negative: credits).
    ///   - estimates: each workgroup's exact estimate, workgroups ordered by region then name.
    init(billed: Decimal, estimates: [Decimal]) {
        if let parts = LargestRemainderApportionment.apportion(amount: billed, weights: estimates.map { max($0, 0) }) {
            reconciled = parts
            unattributed = nil
        } else {
            reconciled = estimates.map { _ in 0 }
            unattributed = billed == 0 ? nil : billed
        }
    }
}
