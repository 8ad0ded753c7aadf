import ChargebackModel
import Foundation

/// Athena's on-demand billing rule for one query (see docs/computation.md, "Athena, query by
/// query"): which queries are billed, how their bytes are rounded, and what they cost.
public enum AthenaBilling {
    /// 2^20 bytes: Athena rounds the data a query scanned up to whole mebibytes.
    public static let mebibyte: Int64 = 1 << 20
    /// Athena bills at least 10 MiB per billable query.
    public static let minimumBilledMebibytes: Int64 = 10

    /// Billed when the statement is not DDL, the result was not reused, and the query SUCCEEDED,
    /// or was CANCELLED after scanning data. FAILED, QUEUED and RUNNING queries are not billed.
    public static func isBillable(_ execution: AthenaExecution) -> Bool {
        if execution.statementType?.uppercased() == "DDL" || execution.reusedPreviousResult { return false }
        switch execution.state {
        case .succeeded: return true
        case .cancelled: return (execution.dataScannedBytes ?? 0) > 0
        default: return false
        }
    }

    /// Whole mebibytes billed for a billable query that scanned `scanned` bytes: ⌈scanned / 2^20⌉,
    /// at least 10.
    public static func billedMebibytes(scanned: Int64?) -> Int64 {
        let bytes = max(scanned ?? 0, 0)
        let mebibytes = bytes / mebibyte + (bytes % mebibyte == 0 ? 0 : 1)
        return max(mebibytes, minimumBilledMebibytes)
    }

    /// Bytes billed: the billed mebibytes × 2^20 for a billable query, 0 otherwise.
    public static func billedBytes(_ execution: AthenaExecution) -> Int64 {
        isBillable(execution) ? billedMebibytes(scanned: execution.dataScannedBytes) * mebibyte : 0
    }

    /// The exact cost of `billedBytes` at `pricePerTB`: billed bytes × price / 2^40. Billed bytes
    /// are whole mebibytes, so this is (mebibytes × price) / 2^20, exact in a `Decimal`.
    public static func estimatedCost(billedBytes: Int64, pricePerTB: Decimal) -> Decimal {
        Decimal(billedBytes / mebibyte) * pricePerTB / Decimal(mebibyte)
    }
}
