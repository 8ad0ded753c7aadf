import ChargebackModel
import Foundation

/// Shares one category of central Quick cost among business units (see docs/computation.md,
/// "Allocation"): the method gives each unit a weight, what cannot be charged to a unit gets a
/// central weight, and the category's cents are apportioned by largest remainder with ties by unit
/// id (the central part last). Allocated + central remainder is the category amount, to the cent.
enum QuickAllocation {
    static func allocate(category: QuickCostCategory, amount: Decimal, rule: AllocationRule,
                         units: [AllocationUnit], spice: SpiceOwnership) -> AllocationReport {
        let method = rule.methodName
        if case .none = rule {
            let central = AllocationShareReport(
                category: category, businessUnitId: AllocationShareReport.centralId, method: method, driver: nil,
                driverValue: nil, driverTotal: nil, share: 1, amount: amount)
            return AllocationReport(
                category: category, method: method, driver: nil, driverTotal: nil, allocated: 0,
                centralRemainder: amount,
                centralReason: "The configuration keeps \(category.rawValue) central (method none).",
                flagged: false, shares: [central])
        }
        let failed = units.filter { !$0.takesPart }.map(\.id).sorted()
        let weighing = Self.weighing(rule, category: category, units: units, spice: spice, failed: failed)
        let weights = weighing.byUnit
        let centralWeight = weighing.central
        var reasons = weighing.reasons
        let driver = weighing.driver

        let ordered = units.filter(\.takesPart).map(\.id).sorted()
        let unitWeights = ordered.map { weights[$0] ?? 0 }
        let total = unitWeights.reduce(Decimal(0), +) + centralWeight
        var flagged = false
        let parts: [Decimal]
        if let apportioned = LargestRemainderApportionment.apportion(amount: amount, weights: unitWeights + [centralWeight]) {
            parts = apportioned
        } else {
            parts = unitWeights.map { _ in 0 } + [amount]
            if let driver {
                flagged = amount != 0
                reasons.append("No business unit has any \(driver.rawValue) this month, so \(category.rawValue) "
                    + "stays central.")
            } else if failed.isEmpty {
                reasons.append("No business unit can take a share, so \(category.rawValue) stays central.")
            }
        }
        let centralAmount = parts[parts.count - 1]
        var amountById: [String: Decimal] = [:]
        for (id, part) in zip(ordered, parts) { amountById[id] = part }

        let driverTotal: Decimal? = driver == nil ? nil : total
        func share(_ weight: Decimal) -> Decimal {
            total == 0 ? 0 : MoneyRounding.rounded(weight / total, scale: 6)
        }
        var rows = units.map { unit in
            let weight = unit.takesPart ? (weights[unit.id] ?? 0) : 0
            var driverValue: Decimal?
            if let driver { driverValue = unit.takesPart || driver == .spiceBytes ? unit.value(of: driver) : nil }
            return AllocationShareReport(
                category: category, businessUnitId: unit.id, method: method, driver: driver?.rawValue,
                driverValue: driverValue, driverTotal: driverTotal, share: share(weight),
                amount: amountById[unit.id] ?? 0)
        }
        if centralAmount != 0 || centralWeight > 0 || total == 0 {
            rows.append(AllocationShareReport(
                category: category, businessUnitId: AllocationShareReport.centralId, method: method,
                driver: driver?.rawValue, driverValue: driver == nil ? nil : centralWeight, driverTotal: driverTotal,
                share: total == 0 ? 1 : share(centralWeight), amount: centralAmount))
        }
        return AllocationReport(
            category: category, method: method, driver: driver?.rawValue, driverTotal: driverTotal,
            allocated: amount - centralAmount, centralRemainder: centralAmount,
            centralReason: reasons.isEmpty ? nil : reasons.joined(separator: " "), flagged: flagged, shares: rows)
    }

    /// What each unit that takes part weighs, what stays central, and why.
    struct Weighing {
        var byUnit: [String: Decimal] = [:]
        var central = Decimal(0)
        var reasons: [String] = []
        var driver: AllocationDriver?
    }

    /// The weights a rule gives: even, fixed percent, or a driver's values; units that could not
    /// be read take none (their weight stays central where the rule gives them one).
    static func weighing(_ rule: AllocationRule, category: QuickCostCategory, units: [AllocationUnit],
                         spice: SpiceOwnership, failed: [String]) -> Weighing {
        var weighing = Weighing()
        switch rule {
        case .none:
            break
        case .even:
            for unit in units where unit.takesPart { weighing.byUnit[unit.id] = 1 }
            weighing.central = Decimal(failed.count)
            if !failed.isEmpty {
                weighing.reasons.append("\(Self.list(failed)) could not be read and take no share; their even share stays central.")
            }
        case let .fixed(shares):
            var percent: [String: Decimal] = [:]
            for share in shares { percent[share.businessUnitId, default: 0] += share.percent }
            for unit in units {
                let value = percent.removeValue(forKey: unit.id) ?? 0
                if unit.takesPart { weighing.byUnit[unit.id] = value } else { weighing.central += value }
            }
            weighing.central += percent.values.reduce(Decimal(0), +)
            if !failed.isEmpty {
                weighing.reasons.append("\(Self.list(failed)) could not be read and take no share; their fixed share stays central.")
            }
        case let .proportional(chosen):
            weighing.driver = chosen
            for unit in units {
                if unit.takesPart {
                    weighing.byUnit[unit.id] = unit.value(of: chosen)
                } else if chosen == .spiceBytes {
                    weighing.central += unit.value(of: chosen)
                }
            }
            if chosen == .spiceBytes {
                weighing.central += Decimal(spice.unmappedBytes)
                if !failed.isEmpty {
                    weighing.reasons.append("\(Self.list(failed)) could not be read and take no share; the SPICE bytes "
                        + "of their data sets stay central.")
                }
                if spice.unmappedBytes > 0 {
                    weighing.reasons.append("\(NumberText.grouped(Decimal(spice.unmappedBytes))) bytes of SPICE data sets "
                        + "map to no business unit; their share stays central.")
                }
            } else if !failed.isEmpty {
                weighing.reasons.append("\(Self.list(failed)) could not be read, so their \(chosen.rawValue) is unknown and "
                    + "they take no share; \(category.rawValue) is divided among the units that were read.")
            }
        }
        return weighing
    }

    private static func list(_ ids: [String]) -> String {
        ids.count == 1 ? ids[0] : ids.dropLast().joined(separator: ", ") + " and " + ids[ids.count - 1]
    }
}
