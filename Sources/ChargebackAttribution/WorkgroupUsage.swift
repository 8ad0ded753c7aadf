import ChargebackModel
import Foundation

/// One workgroup's Athena activity in the month: counts, bytes and engine time summed over its
/// executions (see docs/computation.md, "Athena, workgroup by workgroup"). Bytes are whole numbers,
/// so the sums are exact and do not depend on the order of the executions.
struct WorkgroupUsage: Equatable {
    var key: WorkgroupKey
    var queries = 0
    var queriesBillable = 0
    var queriesFailed = 0
    var queriesCancelled = 0
    /// QUEUED or RUNNING when collected.
    var queriesRunning = 0
    /// Every execution's scanned bytes, billed or not.
    var bytesScanned: Int64 = 0
    /// Billable executions' billed bytes.
    var bytesBilled: Int64 = 0
    var engineTimeMillis: Int64 = 0

    init(key: WorkgroupKey) {
        self.key = key
    }

    mutating func add(_ execution: AthenaExecution, billedBytes: Int64) {
        queries += 1
        switch execution.state {
        case .failed: queriesFailed += 1
        case .cancelled: queriesCancelled += 1
        case .queued, .running: queriesRunning += 1
        default: break
        }
        if billedBytes > 0 { queriesBillable += 1 }
        bytesScanned += max(execution.dataScannedBytes ?? 0, 0)
        bytesBilled += billedBytes
        engineTimeMillis += max(execution.engineTimeMillis ?? 0, 0)
    }

    /// The exact estimate of the workgroup's billed bytes at its region's price.
    func estimatedCost(pricePerTB: Decimal) -> Decimal {
        AthenaBilling.estimatedCost(billedBytes: bytesBilled, pricePerTB: pricePerTB)
    }
}
