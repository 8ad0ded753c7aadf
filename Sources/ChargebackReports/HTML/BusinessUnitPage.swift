import ChargebackModel
import Foundation

/// The view of `<bu-id>.html`: a page a unit's owner can be sent alone.
struct BusinessUnitPage {
    struct ServiceRow {
        var key: String
        var name: String
        var amount: AmountText
        var usage: String
        var unmatched: Bool
    }

    struct LineRow {
        var category: String
        var item: String
        var quantity: String
        var amount: AmountText
        var basis: String
    }

    struct WorkgroupRow {
        var region: String
        var name: String
        var unattributed: Bool
        var queries: String
        var billable: String
        var failed: String
        var cancelled: String
        var running: String
        var scanned: BytesText
        var billed: BytesText
        var estimated: AmountText
        var reconciled: AmountText
        var hasSettings: Bool
        var scanLimit: String
        var encryption: String
        var enforced: String
        var engine: String
        var flags: [String]
        var flagged: Bool
    }

    struct CoverageRow {
        var region: String
        var workgroup: String
        var from: String
        var to: String
        var coversMonth: Bool
    }

    struct QueryRow {
        var rank: String
        var id: String
        var workgroup: String
        var database: String
        var submitted: String
        var state: String
        var scanned: BytesText
        var cost: String
        var exactCost: String
        var hasText: Bool
        var text: String
    }

    struct AllocationRow {
        var category: String
        var method: String
        var driver: String
        var driverValue: String
        var driverTotal: String
        var share: String
        var amount: AmountText
    }

    var lang = "en"
    var header: PageHeader
    var footer: PageFooter
    var id: String
    var name: String
    var accountId: String
    var costCenter: String
    var hasCostCenter: Bool
    var regions: String
    var unitStatus: String
    var unitStatusLabel: String
    var unitComplete: Bool
    var unitFailed: Bool
    var hasFigures: Bool
    var unitError: String
    var hasUnitError: Bool
    var unitDataFinal: Bool
    var hasNotes: Bool
    var notes: [NoteView]
    var figures: [Figure]
    var services: [ServiceRow]
    var consumerTotal: AmountText
    var lines: [LineRow]
    var hasLines: Bool
    var chargebackTotal: AmountText
    var reconciliation: String
    var hasReconciliation: Bool
    var varianceFlagged: Bool
    var workgroups: [WorkgroupRow]
    var hasWorkgroups: Bool
    /// Each workgroup's stored history span (from, to, whether it holds the whole month).
    var coverage: [CoverageRow]
    var hasCoverage: Bool
    var athenaBilled: AmountText
    var athenaEstimated: AmountText
    var anyFlagged: Bool
    var workgroupChart: BarChart
    var queries: [QueryRow]
    var hasQueries: Bool
    var queryCount: String
    var includeQueryText: Bool
    var allocations: [AllocationRow]
    var hasAllocations: Bool

    init(_ unit: BusinessUnitReport, of report: ChargebackReport, includeQueryText: Bool) {
        header = PageHeader(report)
        footer = PageFooter(report)
        let currency = report.currency
        id = unit.id
        name = unit.name
        accountId = unit.accountId
        costCenter = unit.costCenter ?? ""
        hasCostCenter = unit.costCenter != nil
        regions = unit.regions.joined(separator: ", ")
        unitStatus = unit.status.rawValue
        unitStatusLabel = unit.status.label
        unitComplete = unit.status == .complete
        unitFailed = unit.status == .failed
        hasFigures = !unitFailed
        unitError = unit.error ?? ""
        hasUnitError = unit.error != nil
        unitDataFinal = unit.costDataFinal
        notes = report.dataQuality.filter { $0.businessUnitId == unit.id }.map { NoteView($0, linkUnits: []) }
        hasNotes = !notes.isEmpty

        figures = Self.figures(unit, currency: currency)

        services = unit.services.map { service in
            ServiceRow(key: service.key, name: service.costExplorerName, amount: AmountText(service.amount),
                       usage: service.usageTypes.map { "\($0.usageType) \(MoneyFormat.grouped($0.amount, scale: 2))" }
                           .joined(separator: "; "),
                       unmatched: !service.matchedAnyCost)
        }
        consumerTotal = AmountText(unitFailed ? nil : unit.consumerTotal)
        lines = unit.lines.map { line in
            LineRow(category: Self.lineCategory(line.category), item: line.item,
                    quantity: line.quantity.map { q in MoneyFormat.grouped(q, scale: Self.scale(of: q)) + (line.unit.map { " \($0)" } ?? "") } ?? "",
                    amount: AmountText(line.amount), basis: line.basis)
        }
        hasLines = !lines.isEmpty
        chargebackTotal = AmountText(unitFailed ? nil : unit.chargebackTotal)

        reconciliation = Self.reconciliation(unit, currency: currency)
        hasReconciliation = !reconciliation.isEmpty
        varianceFlagged = unit.athenaVarianceFlagged
        workgroups = unit.workgroups.map(Self.workgroup)
        hasWorkgroups = !workgroups.isEmpty
        coverage = (unit.historyCoverage ?? []).map {
            CoverageRow(region: $0.region, workgroup: $0.workgroup, from: DateFormat.minute($0.coveredFrom),
                        to: DateFormat.minute($0.coveredTo), coversMonth: $0.coversMonth)
        }
        hasCoverage = !coverage.isEmpty
        athenaBilled = AmountText(unit.athenaBilled)
        athenaEstimated = AmountText(unit.athenaEstimated)
        anyFlagged = unit.workgroups.contains { !$0.flags.isEmpty }
        workgroupChart = BarChart(id: "workgroup-chart", title: "Reconciled Athena cost per workgroup, \(report.month.title), \(currency)",
                                  desc: "One bar per workgroup (region/name), its reconciled cost written beside it; the table above holds every value.",
                                  currency: currency,
                                  items: unit.workgroups.count > 1 ? unit.workgroups.map { ("\($0.region)/\($0.name)", $0.reconciledCost) } : [])
        self.includeQueryText = includeQueryText
        queries = unit.topQueries.enumerated().map { index, query in
            Self.queryRow(query, rank: index + 1, currency: currency, includeQueryText: includeQueryText)
        }
        hasQueries = !queries.isEmpty
        queryCount = String(queries.count)
        allocations = unit.allocations.map(Self.allocationRow)
        hasAllocations = !allocations.isEmpty
    }

    /// The headline boxes: total charged back and consumer costs (when the unit has figures),
    /// budget, and the change against the previous month.
    static func figures(_ unit: BusinessUnitReport, currency: String) -> [Figure] {
        let failed = unit.status == .failed
        var figures: [Figure] = []
        if !failed {
            figures.append(Figure(label: "Total charged back", value: unit.chargebackTotal.map { MoneyFormat.grouped($0) } ?? "—",
                                  unit: currency, detail: "consumer-account costs plus allocated central Quick costs"))
            figures.append(Figure(label: "Consumer-account costs", value: unit.consumerTotal.map { MoneyFormat.grouped($0) } ?? "—",
                                  unit: currency, detail: "in account \(unit.accountId)"))
        }
        if let budget = unit.budget {
            figures.append(Figure(label: "Monthly budget", value: MoneyFormat.grouped(budget), unit: currency,
                                  detail: unit.budgetUse.map { "\(MoneyFormat.percent($0)) used" } ?? "use not known"))
        } else {
            figures.append(Figure(label: "Monthly budget", value: "none", unit: "", detail: "no budget is configured for this unit"))
        }
        if let change = unit.change, !failed {
            figures.append(.change(change, fraction: unit.changeFraction, previous: unit.previousChargebackTotal,
                                   currency: currency))
        }
        return figures
    }

    /// "Athena billed …; estimated from queries …; variance …", or "" without both figures.
    static func reconciliation(_ unit: BusinessUnitReport, currency: String) -> String {
        guard let billed = unit.athenaBilled, let estimated = unit.athenaEstimated else { return "" }
        var text = "Athena billed \(MoneyFormat.grouped(billed)) \(currency); estimated from queries \(MoneyFormat.grouped(estimated)) \(currency)"
        if let variance = unit.athenaVariance {
            text += "; variance \(MoneyFormat.signedGrouped(variance)) \(currency)"
            if let fraction = unit.athenaVarianceFraction { text += " (\(MoneyFormat.signedPercent(fraction)))" }
        }
        return text + "."
    }

    static func queryRow(_ query: QueryCostReport, rank: Int, currency: String, includeQueryText: Bool) -> QueryRow {
        QueryRow(rank: String(rank), id: query.id, workgroup: "\(query.region)/\(query.workgroup)",
                 database: query.database ?? "", submitted: DateFormat.minute(query.submittedAt), state: query.state,
                 scanned: BytesText(query.bytesScanned), cost: MoneyFormat.grouped(query.estimatedCost),
                 exactCost: "exact estimate \(query.estimatedCostExact.description) \(currency)",
                 hasText: includeQueryText && query.queryText != nil, text: includeQueryText ? query.queryText ?? "" : "")
    }

    static func allocationRow(_ share: AllocationShareReport) -> AllocationRow {
        AllocationRow(category: share.category.label, method: OrganisationPage.method(share.method),
                      driver: share.driver.map(OrganisationPage.driver) ?? "",
                      driverValue: share.driverValue.map { MoneyFormat.grouped($0, scale: 0) } ?? "",
                      driverTotal: share.driverTotal.map { MoneyFormat.grouped($0, scale: 0) } ?? "",
                      share: MoneyFormat.percent(share.share), amount: AmountText(share.amount))
    }

    static func workgroup(_ group: WorkgroupReport) -> WorkgroupRow {
        let settings = group.settings
        return WorkgroupRow(
            region: group.region, name: group.name, unattributed: group.name == WorkgroupReport.unattributed,
            queries: MoneyFormat.grouped(Decimal(group.queries), scale: 0),
            billable: MoneyFormat.grouped(Decimal(group.queriesBillable), scale: 0),
            failed: MoneyFormat.grouped(Decimal(group.queriesFailed), scale: 0),
            cancelled: MoneyFormat.grouped(Decimal(group.queriesCancelled), scale: 0),
            running: MoneyFormat.grouped(Decimal(group.queriesRunning), scale: 0),
            scanned: BytesText(group.bytesScanned), billed: BytesText(group.bytesBilled),
            estimated: AmountText(group.estimatedCost), reconciled: AmountText(group.reconciledCost),
            hasSettings: settings != nil,
            scanLimit: settings?.bytesScannedCutoffPerQuery.map { ByteFormat.human($0) } ?? "none",
            encryption: settings?.resultEncryption ?? "none",
            enforced: settings?.enforceConfiguration.map { $0 ? "yes" : "no" } ?? "not known",
            engine: settings?.engineVersion ?? "not known",
            flags: group.flags, flagged: !group.flags.isEmpty)
    }

    static func lineCategory(_ category: String) -> String {
        switch category {
        case "consumer": "Consumer service"
        case "athena": "Athena workgroup"
        default:
            if category.hasPrefix("quick_"), let quick = QuickCostCategory(rawValue: String(category.dropFirst(6))) {
                "Quick \(quick.label.lowercased()) (allocated)"
            } else {
                category
            }
        }
    }

    /// The decimals a quantity is written with: its own, at most 6.
    static func scale(of value: Decimal) -> Int {
        let text = value.description
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return min(6, text.distance(from: dot, to: text.endIndex) - 1)
    }
}
