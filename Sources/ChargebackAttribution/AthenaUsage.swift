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
        let ranksByBytes: (Candidate, Candidate) -> Bool = { lhs, rhs in
            lhs.billedBytes != rhs.billedBytes ? lhs.billedBytes > rhs.billedBytes
                : executions[lhs.index].id < executions[rhs.index].id
        }
        var candidatesByRegion: [String: BoundedSelection<Candidate>] = [:]
        for (index, execution) in executions.enumerated()
        where execution.submittedAt >= start && execution.submittedAt < end {
            let key = WorkgroupKey(region: execution.region, name: execution.workgroup)
            let billed = AthenaBilling.billedBytes(execution)
            workgroups[key, default: WorkgroupUsage(key: key)].add(execution, billedBytes: billed)
            if billed > 0 {
                candidatesByRegion[execution.region, default: BoundedSelection(
                    limit: Self.topQueryLimit, ranksBefore: ranksByBytes)].offer(Candidate(billedBytes: billed, index: index))
            }
        }
        for workgroup in collectedWorkgroups {
            let key = WorkgroupKey(region: workgroup.region, name: workgroup.name)
            if workgroups[key] == nil { workgroups[key] = WorkgroupUsage(key: key) }
        }
        topQueries = Self.costliest(candidatesByRegion.values.flatMap { $0.heap }, of: executions, pricing: pricing)
    }

    /// A billable execution competing for the costliest list: its billed bytes, computed once.
    struct Candidate {
        var billedBytes: Int64
        var index: Int
    }

    /// The workgroups in report order: region, then name.
    var orderedWorkgroups: [WorkgroupUsage] {
        workgroups.values.sorted { $0.key < $1.key }
    }

    private static func costliest(_ candidates: [Candidate], of executions: [AthenaExecution],
                                  pricing: PricingConfig) -> [QueryCostReport] {
        let reports = candidates.map { candidate -> QueryCostReport in
            let execution = executions[candidate.index]
            let billed = candidate.billedBytes
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
