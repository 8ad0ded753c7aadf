import ChargebackModel
import Foundation

/// A business unit's consumer-account costs per configured service (see docs/computation.md,
/// "Consumer-account costs"): the exact Cost Explorer amounts of the unit's account, month and
/// metric, summed over usage types and record types, then rounded half away from zero to cents.
struct ConsumerCosts {
    /// One per configured service, in configuration order.
    var services: [ServiceCostReport]
    /// Whether any line used is still Estimated.
    var estimated: Bool
    /// Set when an amount is in another currency: the unit's costs cannot be used.
    var currencyError: String?

    init(lines: [CostLine], services configured: [ServiceMapping], accountId: String, month: BillingMonth,
         metric: CostMetric, currency: String, unitId: String) {
        var byService: [String: [String: Decimal]] = [:]
        var estimated = false
        var foreignUnits: [String: Set<String>] = [:]
        let names = Set(configured.map(\.costExplorerName))
        for line in lines where line.accountId == accountId && line.month == month
            && line.metric == metric.rawValue && names.contains(line.service) {
            if line.unit != currency {
                foreignUnits[line.service, default: []].insert(line.unit)
                continue
            }
            byService[line.service, default: [:]][line.usageType, default: 0] += line.amount
            estimated = estimated || line.estimated
        }
        self.estimated = estimated
        self.services = configured.map { service in
            let usageTypes = (byService[service.costExplorerName] ?? [:])
                .map { UsageTypeAmount(usageType: $0.key, amount: $0.value) }
                .sorted { $0.usageType < $1.usageType }
            let exact = usageTypes.reduce(Decimal(0)) { $0 + $1.amount }
            return ServiceCostReport(
                key: service.key, costExplorerName: service.costExplorerName, amount: MoneyRounding.cents(exact),
                usageTypes: usageTypes,
                matchedAnyCost: byService[service.costExplorerName] != nil
                    || foreignUnits[service.costExplorerName] != nil)
        }
        if foreignUnits.isEmpty {
            currencyError = nil
        } else {
            let described = foreignUnits.keys.sorted().map { service in
                "\(service) in \(foreignUnits[service]!.sorted().joined(separator: ", "))"
            }
            currencyError = "Cost Explorer reported \(described.joined(separator: "; ")) for \(unitId)'s account "
                + "\(accountId), not \(currency); amounts are never converted, so \(unitId)'s costs are left out"
        }
    }

    /// The amount of the service with `key`, 0 when it is not configured.
    func amount(key: String) -> Decimal {
        services.first { $0.key == key }?.amount ?? 0
    }

    /// The sum of the services beyond athena, glue and s3.
    var otherServices: Decimal {
        services.filter { ServiceMapping(key: $0.key, costExplorerName: $0.costExplorerName).isOtherService }
            .reduce(Decimal(0)) { $0 + $1.amount }
    }
}
