import ChargebackModel
import Foundation

/// What one business unit brings to the allocation of central Quick costs.
struct AllocationUnit: Equatable {
    var id: String
    /// False for a unit whose collection failed: it takes no share, and its share stays central.
    var takesPart: Bool
    /// Billable Athena queries.
    var queryCount: Int
    var billedBytes: Int64
    /// The unit's reconciled Athena cost (its Athena bill).
    var athenaCost: Decimal
    /// SPICE bytes of the data sets built from its Athena data sources.
    var spiceBytes: Int64

    /// The unit's value of a proportional driver; a net credit counts as zero, so a unit is never
    /// handed a negative share of a positive cost.
    func value(of driver: AllocationDriver) -> Decimal {
        switch driver {
        case .queryCount: Decimal(queryCount)
        case .billedBytes: Decimal(billedBytes)
        case .athenaCost: max(athenaCost, 0)
        case .spiceBytes: Decimal(spiceBytes)
        }
    }
}
