import ChargebackModel
import Foundation

/// Turns one month of collected data into the report model: Athena estimated query by query,
/// reconciled to the bill, the consumer services, the central Quick costs by category and their
/// allocation, totals and data-quality notes. Every step is described in docs/computation.md.
/// Pure: no network, no store, no clock.
public enum Attribution {
    /// A variance between the Athena bill and the estimate above this fraction of the estimate is flagged.
    public static let varianceThreshold = Decimal(10) / 100

    public static func attribute(_ input: AttributionInput) -> ChargebackReport {
        let config = input.config
        let spice = SpiceOwnership(dataSources: input.central.dataSources, dataSets: input.central.dataSets,
                                   units: config.businessUnits)
        let dataById = Dictionary(input.units.map { ($0.unitId, $0) }, uniquingKeysWith: { first, _ in first })
        let units = config.businessUnits.map {
            BusinessUnitAttribution(unit: $0, data: dataById[$0.id], input: input, spice: spice,
                                    varianceThreshold: varianceThreshold)
        }

        let central = CentralAttribution(input: input, units: units.map(\.allocationUnit), spice: spice)
        let shares = sharesByUnit(central.report.categories.map(\.allocation))
        let businessUnits = units.map { $0.withAllocations(shares[$0.report.id] ?? [], currency: config.currency) }
        let totals = ReportTotalsCalculation.totals(
            units: businessUnits, central: central.report, previous: input.previousMonth)

        // A failed source has no costs, so whether they are estimated does not count.
        let usableUnits = units.map(\.report).filter { $0.status != .failed }
        let centralUsable = central.report.status != .failed
        var notes = units.flatMap(\.notes) + central.notes
        notes += EstimatedCostNotes.notes(
            units: usableUnits.map { ($0.id, !$0.costDataFinal) },
            central: centralUsable ? !central.report.costDataFinal : nil, month: input.month)
        // A month not yet over is month to date: never complete, never final.
        let monthToDate = input.generatedAt < input.month.end
        if monthToDate { notes.append(monthToDateNote(input.month, at: input.generatedAt)) }
        notes = DataQualityOrder.sorted(notes)

        let status: CollectionStatus
        if usableUnits.isEmpty && !centralUsable {
            status = .failed
        } else if monthToDate || units.contains(where: \.incomplete) || central.report.status != .complete {
            status = .partial
        } else {
            status = .complete
        }
        let costDataFinal = !monthToDate && usableUnits.allSatisfy(\.costDataFinal)
            && (!centralUsable || central.report.costDataFinal)

        return ChargebackReport(
            month: input.month, periodStart: input.month.firstDayText, periodEnd: input.month.endDayText,
            currency: config.currency, costMetric: config.costMetric.rawValue, status: status,
            costDataFinal: costDataFinal, generatedAt: input.generatedAt, tool: ToolInfo(version: input.toolVersion),
            run: input.run.map {
                RunInfo(runId: $0.id, collectedAt: $0.endedAt ?? $0.startedAt, costExplorerRequests: $0.costExplorerRequests)
            },
            settings: settings(config), totals: totals, businessUnits: businessUnits, central: central.report,
            dataQuality: notes)
    }

    static func monthToDateNote(_ month: BillingMonth, at now: Date) -> DataQualityNote {
        DataQualityNote(kind: .monthToDate, businessUnitId: nil, message:
            "\(month.title) is not over: these figures are month to date (to \(BillingMonth.dayText(now))) and will "
                + "change. Its final report comes after the month has closed: run `chargeback report --month \(month)` "
                + "after the 5th of \(month.next.title), when Cost Explorer has closed it.")
    }

    /// Each unit's share of every category, in category order, grouped once rather than searched
    /// per unit; a category's first row for a unit is its share.
    static func sharesByUnit(_ allocations: [AllocationReport]) -> [String: [AllocationShareReport]] {
        var byUnit: [String: [AllocationShareReport]] = [:]
        for allocation in allocations {
            let firstById = Dictionary(allocation.shares.map { ($0.businessUnitId, $0) }, uniquingKeysWith: { first, _ in first })
            for (id, share) in firstById { byUnit[id, default: []].append(share) }
        }
        return byUnit
    }

    static func settings(_ config: ChargebackConfig) -> ReportSettings {
        let rules = config.usageTypeRules
        return ReportSettings(
            athenaPricePerTB: config.pricing.athenaUSDPerTB,
            athenaPricePerTBByRegion: config.pricing.athenaUSDPerTBByRegion,
            usageTypeRules: [
                UsageTypeRuleReport(category: .spice, pattern: rules.spicePattern),
                UsageTypeRuleReport(category: .sessions, pattern: rules.sessionsPattern),
                UsageTypeRuleReport(category: .users, pattern: rules.usersPattern),
            ],
            allocationRules: QuickCostCategory.allCases.map { category in
                let rule = config.allocation.rule(for: category)
                switch rule {
                case let .proportional(driver):
                    return AllocationRuleReport(category: category, method: rule.methodName, driver: driver.rawValue)
                case let .fixed(shares):
                    return AllocationRuleReport(
                        category: category, method: rule.methodName,
                        shares: Dictionary(shares.map { ($0.businessUnitId, $0.percent) }, uniquingKeysWith: +))
                case .none, .even:
                    return AllocationRuleReport(category: category, method: rule.methodName)
                }
            },
            services: config.services.map { ServiceReport(key: $0.key, costExplorerName: $0.costExplorerName) },
            quickServiceName: config.central.quickServiceName ?? CentralConfig.automaticQuickServiceName,
            varianceThreshold: varianceThreshold)
    }
}
