import ChargebackModel
import Foundation

/// The central account's Quick costs by category (see docs/computation.md, "Central Quick
/// costs"): each usage type's exact amount is rounded to cents, then goes to the first category
/// whose rule matches (spice, sessions, users; else other). A category is the sum of its cents.
struct CentralCosts {
    /// Usage type amounts in cents, sorted by usage type, per category.
    var usageTypes: [QuickCostCategory: [UsageTypeAmount]]
    var estimated: Bool
    /// Set when an amount is in another currency: Quick's costs cannot be used.
    var currencyError: String?

    /// `service`: Quick's Cost Explorer SERVICE value (configured, or found for the month); nil when unknown.
    init(lines: [CostLine], config: ChargebackConfig, month: BillingMonth, service: String?) {
        var exact: [String: Decimal] = [:]
        var estimated = false
        var foreignUnits: Set<String> = []
        for line in lines where line.accountId == config.central.accountId && line.month == month
            && line.metric == config.costMetric.rawValue && (line.service == service || line.service.isEmpty) {
            if line.unit != config.currency {
                foreignUnits.insert(line.unit)
                continue
            }
            exact[line.usageType, default: 0] += line.amount
            estimated = estimated || line.estimated
        }
        self.estimated = estimated
        if foreignUnits.isEmpty {
            currencyError = nil
            var grouped: [QuickCostCategory: [UsageTypeAmount]] = [:]
            for (usageType, amount) in exact {
                grouped[config.usageTypeRules.category(forUsageType: usageType), default: []]
                    .append(UsageTypeAmount(usageType: usageType, amount: MoneyRounding.cents(amount)))
            }
            usageTypes = grouped.mapValues { $0.sorted { $0.usageType < $1.usageType } }
        } else {
            currencyError = "Cost Explorer reported \(service ?? "Quick") in \(foreignUnits.sorted().joined(separator: ", ")), "
                + "not \(config.currency); amounts are never converted, so no central Quick cost is shown"
            usageTypes = [:]
        }
    }

    func amount(of category: QuickCostCategory) -> Decimal {
        (usageTypes[category] ?? []).reduce(Decimal(0)) { $0 + $1.amount }
    }
}
