import ChargebackModel
import Foundation

/// The central account's side: Quick's costs by category, each category allocated by its rule.
struct CentralAttribution {
    var report: CentralReport
    var notes: [DataQualityNote]

    init(input: AttributionInput, units: [AllocationUnit], spice: SpiceOwnership) {
        let config = input.config
        let data = input.central
        var status = data.status
        var error = data.error
        let service = config.central.quickServiceName ?? data.foundQuickServiceName
        let costs = CentralCosts(lines: status == .failed ? [] : data.costs, config: config, month: input.month, service: service)
        if let currencyError = costs.currencyError {
            status = .failed
            error = [error, currencyError].compactMap { $0 }.joined(separator: "; ")
        }
        var notes: [DataQualityNote] = []
        switch status {
        case .failed:
            notes.append(DataQualityNote(kind: .centralUnavailable, businessUnitId: nil, message:
                "The central account's Quick costs could not be read (\(error ?? "no reason recorded")): no Quick "
                    + "cost is shown or charged back for \(input.month.title)."))
        case .partial:
            notes.append(DataQualityNote(kind: .centralUnavailable, businessUnitId: nil, message:
                "The central account was only partly read (\(error ?? "no reason recorded")): Quick costs or the "
                    + "SPICE data sets behind the spice_bytes shares may be incomplete."))
        case .complete:
            break
        }
        let categories = QuickCostCategory.allCases.map { category in
            let usageTypes = costs.usageTypes[category] ?? []
            let amount = costs.amount(of: category)
            let allocation = QuickAllocation.allocate(
                category: category, amount: amount, rule: config.allocation.rule(for: category), units: units,
                spice: spice)
            return CategoryReport(category: category, amount: amount, usageTypes: usageTypes, allocation: allocation)
        }
        for category in categories where category.allocation.flagged {
            notes.append(DataQualityNote(kind: .zeroDriverTotal, businessUnitId: nil, message:
                "No business unit had any \(category.allocation.driver ?? "driver") in \(input.month.title), so "
                    + "Quick \(category.category.rawValue) costs of \(NumberText.fixed(category.amount, scale: 2)) "
                    + "stay central instead of being shared."))
        }
        report = CentralReport(
            accountId: config.central.accountId, status: status, error: error, costDataFinal: !costs.estimated,
            categories: categories, total: categories.reduce(Decimal(0)) { $0 + $1.amount },
            quickServiceName: service, quickServiceNameFound: config.central.quickServiceName == nil)
        self.notes = notes
    }
}
