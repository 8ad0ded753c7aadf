import ChargebackModel
import Foundation

/// The lines of a unit's statement (`<bu-id>.csv`, see docs/computation.md, "The business unit's
/// statement"): one per workgroup's reconciled Athena share, one per further configured service,
/// one per non-zero Quick allocation. They add up exactly to the unit's chargeback total.
enum ChargebackLines {
    static func lines(for report: BusinessUnitReport, currency: String) -> [ChargebackLine] {
        var lines: [ChargebackLine] = []
        let billed = report.athenaBilled ?? 0
        let estimatedTotal = report.workgroups.reduce(Decimal(0)) { $0 + $1.estimatedCostExact }
        for workgroup in report.workgroups {
            if workgroup.name == WorkgroupReport.unattributed {
                lines.append(ChargebackLine(
                    category: "athena", item: WorkgroupReport.unattributed, quantity: nil, unit: nil,
                    amount: workgroup.reconciledCost,
                    basis: "the Athena bill of \(NumberText.fixed(billed, scale: 2)), which no query's estimate explains"))
                continue
            }
            let fraction = estimatedTotal == 0 ? Decimal(0) : workgroup.estimatedCostExact / estimatedTotal
            lines.append(ChargebackLine(
                category: "athena", item: "\(workgroup.region)/\(workgroup.name)",
                quantity: Decimal(workgroup.queriesBillable), unit: "queries", amount: workgroup.reconciledCost,
                basis: "share of the Athena bill \(NumberText.fixed(billed, scale: 2)) by estimate: "
                    + "\(NumberText.fixed(workgroup.estimatedCostExact, scale: 4)) of "
                    + "\(NumberText.fixed(estimatedTotal, scale: 4)) (\(NumberText.percent(fraction)))"))
        }
        for service in report.services where service.key != "athena" {
            let count = service.usageTypes.count
            lines.append(ChargebackLine(
                category: "consumer", item: service.costExplorerName, quantity: nil, unit: nil, amount: service.amount,
                basis: "Cost Explorer, \(count) usage \(count == 1 ? "type" : "types") summed and rounded to cents"))
        }
        for share in report.allocations where share.amount != 0 {
            lines.append(ChargebackLine(
                category: "quick_\(share.category.rawValue)", item: share.category.rawValue,
                quantity: share.driverValue, unit: share.driver.map { Self.unit(of: $0, currency: currency) }, amount: share.amount,
                basis: basis(of: share)))
        }
        return lines
    }

    /// The key of an allocated amount in words, e.g. `proportional to query_count: 1,234 of 4,567 (27.0213%)`.
    static func basis(of share: AllocationShareReport) -> String {
        switch share.method {
        case "proportional":
            let value = share.driverValue.map(NumberText.grouped) ?? "0"
            let total = share.driverTotal.map(NumberText.grouped) ?? "0"
            let fraction = share.driverTotal.flatMap { $0 == 0 ? nil : (share.driverValue ?? 0) / $0 } ?? 0
            return "proportional to \(share.driver ?? ""): \(value) of \(total) (\(NumberText.percent(fraction)))"
        case "even":
            return "even split (\(NumberText.percent(share.share)))"
        case "fixed":
            return "fixed share (\(NumberText.percent(share.share)))"
        default:
            return share.method
        }
    }

    private static func unit(of driver: String, currency: String) -> String {
        switch driver {
        case AllocationDriver.queryCount.rawValue: "queries"
        case AllocationDriver.athenaCost.rawValue: currency
        default: "bytes"
        }
    }
}
