import ChargebackModel
import Foundation

/// A business unit's Athena activity in the month: one pass over its executions that sums them
/// per workgroup and keeps the costliest billable queries. O(n) in the executions, plus
/// O(n log 20) for the costliest queries.
struct AthenaUsage {
    /// Every workgroup with an execution in the month, or collected settings, by key.
    var workgroups: [WorkgroupKey: WorkgroupUsage] = [:]
    /// The costliest billable queries, most expensive first.
    var topQueries: [QueryCostReport] = []

    /// How many queries the report lists per business unit.
    static let topQueryLimit = 20

    init(executions: [AthenaExecution], collectedWorkgroups: [AthenaWorkgroup], month: BillingMonth,
         pricing: PricingConfig) {
        let start = month.start
        let end = month.end
        // Within a region every query has the same price, so ranking by billed bytes (ties by id)
        // ranks by cost: the costliest queries of the unit are among each region's top by bytes.
        let ranksByBytes: (Int, Int) -> Bool = { lhs, rhs in
            let left = executions[lhs], right = executions[rhs]
            let leftBytes = AthenaBilling.billedMebibytes(scanned: left.dataScannedBytes)
            let rightBytes = AthenaBilling.billedMebibytes(scanned: right.dataScannedBytes)
            return leftBytes != rightBytes ? leftBytes > rightBytes : left.id < right.id
        }
        var candidatesByRegion: [String: BoundedSelection<Int>] = [:]
        var lastKey: WorkgroupKey?
        var current: WorkgroupUsage?
        for (index, execution) in executions.enumerated()
        where execution.submittedAt >= start && execution.submittedAt < end {
            let key = WorkgroupKey(region: execution.region, name: execution.workgroup)
            if key != lastKey {
                if let current { workgroups[current.key] = current }
                current = workgroups[key] ?? WorkgroupUsage(key: key)
                lastKey = key
            }
            let billed = AthenaBilling.billedBytes(execution)
            current!.add(execution, billedBytes: billed)
            if billed > 0 {
                candidatesByRegion[execution.region, default: BoundedSelection(
                    limit: Self.topQueryLimit, ranksBefore: ranksByBytes)].offer(index)
            }
        }
        if let current { workgroups[current.key] = current }
        for workgroup in collectedWorkgroups {
            let key = WorkgroupKey(region: workgroup.region, name: workgroup.name)
            if workgroups[key] == nil { workgroups[key] = WorkgroupUsage(key: key) }
        }
        topQueries = Self.costliest(candidatesByRegion.values.flatMap { $0.heap }, of: executions, pricing: pricing)
    }

    /// The workgroups in report order: region, then name.
    var orderedWorkgroups: [WorkgroupUsage] {
        workgroups.values.sorted { $0.key < $1.key }
    }

    private static func costliest(_ indices: [Int], of executions: [AthenaExecution],
                                  pricing: PricingConfig) -> [QueryCostReport] {
        let reports = indices.map { index -> QueryCostReport in
            let execution = executions[index]
            let billed = AthenaBilling.billedBytes(execution)
            let exact = AthenaBilling.estimatedCost(
                billedBytes: billed, pricePerTB: pricing.athenaPricePerTB(region: execution.region))
            return QueryCostReport(
                id: execution.id, region: execution.region, workgroup: execution.workgroup,
                database: execution.database, submittedAt: execution.submittedAt, state: execution.state.text,
                bytesScanned: max(execution.dataScannedBytes ?? 0, 0), bytesBilled: billed,
                estimatedCostExact: exact, estimatedCost: MoneyRounding.cents(exact),
                queryText: execution.queryText)
        }
        let ranked = reports.sorted { lhs, rhs in
            if lhs.estimatedCostExact != rhs.estimatedCostExact { return lhs.estimatedCostExact > rhs.estimatedCostExact }
            if lhs.bytesBilled != rhs.bytesBilled { return lhs.bytesBilled > rhs.bytesBilled }
            return lhs.id < rhs.id
        }
        return Array(ranked.prefix(topQueryLimit))
    }
}
