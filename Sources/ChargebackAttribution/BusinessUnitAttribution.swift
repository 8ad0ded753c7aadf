import ChargebackModel
import Foundation

/// One business unit's consumer-account figures (Athena, reconciliation, services), before the
/// central Quick costs are allocated; `withAllocations` completes the report.
struct BusinessUnitAttribution {
    var report: BusinessUnitReport
    /// What the unit brings to the allocation of Quick costs.
    var allocationUnit: AllocationUnit
    var notes: [DataQualityNote]
    /// Whether the unit's data is incomplete (failed, partial, or a history gap).
    var incomplete: Bool

    init(unit: BusinessUnitConfig, data: BusinessUnitData?, input: AttributionInput, spice: SpiceOwnership,
         varianceThreshold: Decimal) {
        let config = input.config
        let month = input.month
        var notes: [DataQualityNote] = []
        var status = data?.status ?? .failed
        var error = data == nil ? "no data has been collected for \(month.text)" : data?.error

        let costs = ConsumerCosts(
            lines: data?.costs ?? [], services: config.services, accountId: unit.accountId, month: month,
            metric: config.costMetric, currency: config.currency, unitId: unit.id)
        if let currencyError = costs.currencyError, status != .failed {
            status = .failed
            error = [error, currencyError].compactMap { $0 }.joined(separator: "; ")
        }

        var report = BusinessUnitReport(
            id: unit.id, name: unit.name, accountId: unit.accountId, costCenter: unit.costCenter,
            regions: unit.regions, status: status, error: error, costDataFinal: !costs.estimated,
            athenaBilled: nil, athenaEstimated: nil, athenaVariance: nil, athenaVarianceFraction: nil,
            athenaVarianceFlagged: false, glue: nil, s3: nil, otherServices: nil, services: [], consumerTotal: nil,
            quickSessions: 0, quickSpice: 0, quickUsers: 0, quickOther: 0, chargebackTotal: nil, budget: unit.budget,
            budgetUse: nil, previousChargebackTotal: input.previousMonth?.chargebackTotals[unit.id], change: nil,
            changeFraction: nil, workgroups: [], topQueries: [], allocations: [], lines: [])
        report.historyCoverage = HistoryCoverageCheck.reports(data?.historyCoverage ?? [], month: month)
        var allocationUnit = AllocationUnit(
            id: unit.id, takesPart: false, queryCount: 0, billedBytes: 0, athenaCost: 0,
            spiceBytes: spice.bytesByUnit[unit.id] ?? 0)

        guard let data, status != .failed else {
            notes.append(Self.unreadNote(unit: unit.id, collected: data != nil, error: error, month: month))
            self.report = report
            self.allocationUnit = allocationUnit
            self.notes = notes
            incomplete = true
            return
        }
        var incomplete = status == .partial
        if status == .partial {
            notes.append(DataQualityNote(kind: .partialBusinessUnit, businessUnitId: unit.id, message:
                "\(unit.id) was only partly read (\(error ?? "no reason recorded")): its figures for \(month.title) "
                    + "may be incomplete."))
        }
        if let gap = Self.historyGap(unit: unit.id, coveredFrom: data.historyCoveredFrom, month: month) {
            notes.append(gap)
            incomplete = true
        }
        if let end = HistoryCoverageCheck.endsEarly(unit: unit.id, coverage: data.historyCoverage, month: month,
                                                    now: input.generatedAt) {
            notes.append(end)
            incomplete = true
        }

        // Athena: queries → workgroups → estimate → reconciliation.
        let billed = costs.amount(key: "athena")
        let workgroups = Self.athena(into: &report, data: data, billed: billed, config: config, month: month,
                                    varianceThreshold: varianceThreshold)
        notes += Self.athenaNotes(report, unit: unit.id, workgroups: workgroups, varianceThreshold: varianceThreshold)

        // The other services.
        notes += Self.services(into: &report, costs: costs, athenaBilled: billed, unit: unit.id, metric: config.costMetric,
                               month: month)

        allocationUnit.takesPart = true
        allocationUnit.queryCount = workgroups.reduce(0) { $0 + $1.queriesBillable }
        allocationUnit.billedBytes = workgroups.reduce(Int64(0)) { $0 + $1.bytesBilled }
        allocationUnit.athenaCost = billed

        self.report = report
        self.allocationUnit = allocationUnit
        self.notes = notes
        self.incomplete = incomplete
    }

    /// The report completed with the unit's shares of Quick costs (one per category, in category
    /// order), totals, budget use, change and lines.
    func withAllocations(_ shares: [AllocationShareReport], currency: String) -> BusinessUnitReport {
        var report = report
        report.allocations = shares
        guard let consumerTotal = report.consumerTotal else { return report }
        func amount(_ category: QuickCostCategory) -> Decimal {
            report.allocations.first { $0.category == category }?.amount ?? 0
        }
        report.quickSessions = amount(.sessions)
        report.quickSpice = amount(.spice)
        report.quickUsers = amount(.users)
        report.quickOther = amount(.other)
        let total = consumerTotal + report.quickSessions + report.quickSpice + report.quickUsers + report.quickOther
        report.chargebackTotal = total
        report.budgetUse = report.budget.flatMap { MoneyRounding.fraction(total, of: $0) }
        if let previous = report.previousChargebackTotal {
            report.change = total - previous
            report.changeFraction = MoneyRounding.fraction(total - previous, of: previous)
        }
        report.lines = ChargebackLines.lines(for: report, currency: currency)
        return report
    }

    /// Why a unit has no figures: never collected, or could not be read.
    private static func unreadNote(unit: String, collected: Bool, error: String?, month: BillingMonth) -> DataQualityNote {
        guard collected else {
            return DataQualityNote(kind: .notCollected, businessUnitId: unit, message:
                "\(unit) has not been collected for \(month.title): it has no figures and takes no share "
                    + "of Quick costs.")
        }
        return DataQualityNote(kind: .failedBusinessUnit, businessUnitId: unit, message:
            "\(unit) could not be read (\(error ?? "no reason recorded")): it has no figures for "
                + "\(month.title) and takes no share of Quick costs.")
    }

    /// The unit's Athena figures into `report`: workgroups with their estimates reconciled to the
    /// bill (and an unattributed line when no query explains it), the costliest queries, the
    /// variance. Returns the workgroups' usage, in report order.
    private static func athena(into report: inout BusinessUnitReport, data: BusinessUnitData, billed: Decimal,
                               config: ChargebackConfig, month: BillingMonth, varianceThreshold: Decimal) -> [WorkgroupUsage] {
        let usage = AthenaUsage(executions: data.executions, collectedWorkgroups: data.workgroups, month: month,
                                pricing: config.pricing)
        let workgroups = usage.orderedWorkgroups
        let estimates = workgroups.map { $0.estimatedCost(pricePerTB: config.pricing.athenaPricePerTB(region: $0.key.region)) }
        let reconciliation = AthenaReconciliation(billed: billed, estimates: estimates)
        let estimated = MoneyRounding.cents(estimates.reduce(Decimal(0), +))
        let settingsByKey = Dictionary(data.workgroups.map { (WorkgroupKey(region: $0.region, name: $0.name), $0) },
                                       uniquingKeysWith: { first, _ in first })
        report.workgroups = zip(workgroups, zip(estimates, reconciliation.reconciled)).map { usage, amounts in
            workgroupReport(usage, estimate: amounts.0, reconciled: amounts.1, settings: settingsByKey[usage.key])
        }
        if let unattributed = reconciliation.unattributed {
            report.workgroups.append(WorkgroupReport(
                region: "", name: WorkgroupReport.unattributed, queries: 0, queriesBillable: 0, queriesFailed: 0,
                queriesCancelled: 0, queriesRunning: 0, bytesScanned: 0, bytesBilled: 0, estimatedCostExact: 0,
                estimatedCost: 0, reconciledCost: unattributed, engineTimeMillis: 0, settings: nil, flags: []))
        }
        report.topQueries = usage.topQueries
        report.athenaBilled = billed
        report.athenaEstimated = estimated
        let variance = billed - estimated
        report.athenaVariance = variance
        report.athenaVarianceFraction = MoneyRounding.fraction(variance, of: estimated)
        report.athenaVarianceFlagged = estimated == 0 ? billed != 0 : abs(variance) > varianceThreshold * abs(estimated)
        return workgroups
    }

    /// The notes Athena's figures call for: a variance over the threshold, queries still running.
    private static func athenaNotes(_ report: BusinessUnitReport, unit: String, workgroups: [WorkgroupUsage],
                                    varianceThreshold: Decimal) -> [DataQualityNote] {
        var notes: [DataQualityNote] = []
        if report.athenaVarianceFlagged, let billed = report.athenaBilled, let estimated = report.athenaEstimated,
           let variance = report.athenaVariance {
            let fraction = report.athenaVarianceFraction.map { " (\(signed(NumberText.percent($0, scale: 1))))" } ?? ""
            notes.append(DataQualityNote(kind: .athenaVariance, businessUnitId: unit, message:
                "\(unit)'s Athena bill \(NumberText.fixed(billed, scale: 2)) differs from the estimate from its "
                    + "queries \(NumberText.fixed(estimated, scale: 2)) by \(signed(NumberText.fixed(variance, scale: 2)))"
                    + "\(fraction), more than \(NumberText.fixed(varianceThreshold * 100, scale: 0))%: the workgroup "
                    + "lines still add up to the bill, but check for queries the store is missing or Athena "
                    + "charges that are not queries."))
        }
        let running = workgroups.reduce(0) { $0 + $1.queriesRunning }
        if running > 0 {
            notes.append(DataQualityNote(kind: .queriesStillRunning, businessUnitId: unit, message:
                "\(unit) had \(running) \(running == 1 ? "query" : "queries") still queued or running when "
                    + "collected: they are not in the estimate or the query counts yet."))
        }
        return notes
    }

    /// The consumer services' figures into `report` and the consumer total; a note for each
    /// configured service no cost matched.
    private static func services(into report: inout BusinessUnitReport, costs: ConsumerCosts, athenaBilled: Decimal,
                                 unit: String, metric: CostMetric, month: BillingMonth) -> [DataQualityNote] {
        let glue = costs.amount(key: "glue")
        let s3 = costs.amount(key: "s3")
        report.services = costs.services
        report.glue = glue
        report.s3 = s3
        report.otherServices = costs.otherServices
        report.consumerTotal = athenaBilled + glue + s3 + costs.otherServices
        return costs.services.filter { !$0.matchedAnyCost }.map { service in
            DataQualityNote(kind: .serviceWithoutCost, businessUnitId: unit, message:
                "No \(metric.rawValue) of '\(service.costExplorerName)' was found in \(unit)'s account "
                    + "for \(month.title): its \(service.key) cost is 0; if that is unexpected, check the service "
                    + "name in the configuration.")
        }
    }

    private static func workgroupReport(_ usage: WorkgroupUsage, estimate: Decimal, reconciled: Decimal,
                                        settings: AthenaWorkgroup?) -> WorkgroupReport {
        var flags: [String] = []
        if let settings {
            if settings.bytesScannedCutoffPerQuery == nil { flags.append("no per-query scan limit") }
            if settings.resultEncryption == nil { flags.append("results not encrypted") }
        }
        return WorkgroupReport(
            region: usage.key.region, name: usage.key.name, queries: usage.queries,
            queriesBillable: usage.queriesBillable, queriesFailed: usage.queriesFailed,
            queriesCancelled: usage.queriesCancelled, queriesRunning: usage.queriesRunning,
            bytesScanned: usage.bytesScanned, bytesBilled: usage.bytesBilled, estimatedCostExact: estimate,
            estimatedCost: MoneyRounding.cents(estimate), reconciledCost: reconciled,
            engineTimeMillis: usage.engineTimeMillis,
            settings: settings.map {
                WorkgroupSettingsReport(bytesScannedCutoffPerQuery: $0.bytesScannedCutoffPerQuery,
                                        enforceConfiguration: $0.enforceConfiguration,
                                        resultEncryption: $0.resultEncryption, engineVersion: $0.engineVersion)
            },
            flags: flags)
    }

    private static func historyGap(unit: String, coveredFrom: Date?, month: BillingMonth) -> DataQualityNote? {
        guard let coveredFrom else {
            return DataQualityNote(kind: .historyGap, businessUnitId: unit, message:
                "No Athena query history of \(unit) has been collected: its Athena estimate and query-based shares "
                    + "for \(month.title) count no queries.")
        }
        guard coveredFrom > month.start else { return nil }
        return DataQualityNote(kind: .historyGap, businessUnitId: unit, message:
            "\(unit)'s collected query history starts on \(BillingMonth.dayText(coveredFrom)), after \(month.title) began: "
                + "its Athena estimate and query-based shares miss the queries before then (Athena keeps 45 days; "
                + "a daily collect avoids this).")
    }

    private static func signed(_ text: String) -> String {
        text.hasPrefix("-") ? text : "+" + text
    }
}
