import ChargebackModel
import Foundation

/// The view of `index.html`: every string already formatted; Mustache only places them.
struct OrganisationPage {
    struct UnitRow {
        var id: String
        var name: String
        var link: String
        var costCenter: String
        var hasCostCenter: Bool
        var failed: Bool
        var athena: AmountText
        var glue: AmountText
        var s3: AmountText
        var otherServices: AmountText
        var consumerTotal: AmountText
        var quickSessions: AmountText
        var quickSpice: AmountText
        var quickUsers: AmountText
        var quickOther: AmountText
        var chargebackTotal: AmountText
        var budget: AmountText
        var budgetText: String
        var budgetUse: String
        var change: String
        var status: String
        var statusLabel: String
        var estimated: Bool
    }

    struct UsageRow {
        var usageType: String
        var amount: AmountText
    }

    struct ShareRow {
        var unit: String
        var isCentral: Bool
        var driverValue: String
        var share: String
        var amount: AmountText
    }

    struct CategoryView {
        var label: String
        var key: String
        var amount: AmountText
        var usageTypes: [UsageRow]
        var hasUsageTypes: Bool
        var method: String
        var hasDriver: Bool
        var driver: String
        var driverTotal: String
        var shares: [ShareRow]
        var hasShares: Bool
        var allocated: AmountText
        var centralRemainder: AmountText
        var hasCentralReason: Bool
        var centralReason: String
        var flagged: Bool
    }

    struct SettingRow {
        var name: String
        var value: String
    }

    var lang = "en"
    var header: PageHeader
    var footer: PageFooter
    var hasNotes: Bool
    var notes: [NoteView]
    var figures: [Figure]
    var units: [UnitRow]
    var totals: UnitRow
    var hasChange: Bool
    var chart: CostChart
    var centralStatus: String
    var centralAvailable: Bool
    var centralError: String
    var hasCentralError: Bool
    /// Which Cost Explorer SERVICE value Quick's costs were read under, and how it was chosen.
    var quickServiceSentence: String
    var categories: [CategoryView]
    var centralTotal: AmountText
    var categoryChart: BarChart
    var settings: [SettingRow]

    init(_ report: ChargebackReport) {
        header = PageHeader(report)
        footer = PageFooter(report)
        let ids = Set(report.businessUnits.map(\.id))
        notes = report.dataQuality.map { NoteView($0, linkUnits: ids) }
        hasNotes = !notes.isEmpty
        let currency = report.currency
        let t = report.totals
        var figures = [
            Figure(label: "Total charged back", value: MoneyFormat.grouped(t.chargebackTotal), unit: currency,
                   detail: "to \(report.businessUnits.count) business units"),
            Figure(label: "of which consumer-account costs", value: MoneyFormat.grouped(t.consumerTotal), unit: currency,
                   detail: "Athena, Glue, S3 and other services in each unit's own account"),
            Figure(label: "of which allocated central Quick costs", value: MoneyFormat.grouped(t.allocatedQuick),
                   unit: currency, detail: "shared out by the keys below"),
            Figure(label: "Kept central (not charged back)", value: MoneyFormat.grouped(t.centralRemainder),
                   unit: currency, detail: "of \(MoneyFormat.grouped(t.centralQuickTotal)) \(currency) central Quick costs"),
        ]
        if let change = t.change {
            figures.append(.change(change, fraction: t.changeFraction, previous: t.previousChargebackTotal,
                                   currency: currency))
        }
        self.figures = figures
        hasChange = t.previousChargebackTotal != nil || report.businessUnits.contains { $0.previousChargebackTotal != nil }
        units = report.businessUnits.map(Self.row)
        totals = UnitRow(id: "", name: "Total", link: "", costCenter: "", hasCostCenter: false, failed: false,
                         athena: AmountText(t.athenaBilled), glue: AmountText(t.glue), s3: AmountText(t.s3),
                         otherServices: AmountText(t.otherServices), consumerTotal: AmountText(t.consumerTotal),
                         quickSessions: AmountText(t.quickSessions), quickSpice: AmountText(t.quickSpice),
                         quickUsers: AmountText(t.quickUsers), quickOther: AmountText(t.quickOther),
                         chargebackTotal: AmountText(t.chargebackTotal), budget: AmountText(t.budget),
                         budgetText: t.budget.map { MoneyFormat.grouped($0) } ?? "", budgetUse: "", change: t.change.map { MoneyFormat.signedGrouped($0) } ?? "",
                         status: report.status.rawValue, statusLabel: report.status.rawValue, estimated: !report.costDataFinal)
        chart = CostChart(report)
        let central = report.central
        centralStatus = central.status.label
        centralAvailable = central.status != .failed
        centralError = central.error ?? ""
        hasCentralError = central.error != nil
        quickServiceSentence = Self.quickServiceSentence(central)
        let names = Dictionary(report.businessUnits.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        categories = central.categories.map { Self.category($0, names: names) }
        centralTotal = AmountText(central.total)
        categoryChart = BarChart(id: "quick-chart", title: "Central Quick costs by category, \(report.month.title), \(currency)",
                                 desc: "One bar per category, its amount written beside it; the table above holds every usage type.",
                                 currency: currency, items: central.categories.map { ($0.category.label, $0.amount) })
        settings = Self.settings(report)
    }

    static func row(_ unit: BusinessUnitReport) -> UnitRow {
        let failed = unit.status == .failed
        func amount(_ value: Decimal?) -> AmountText { AmountText(failed ? nil : value) }
        var change = ""
        if let delta = unit.change {
            change = MoneyFormat.signedGrouped(delta) + (unit.changeFraction.map { " (\(MoneyFormat.signedPercent($0)))" } ?? "")
        }
        return UnitRow(id: unit.id, name: unit.name, link: "\(unit.id).html", costCenter: unit.costCenter ?? "", hasCostCenter: unit.costCenter != nil,
                       failed: failed, athena: amount(unit.athenaBilled), glue: amount(unit.glue), s3: amount(unit.s3),
                       otherServices: amount(unit.otherServices), consumerTotal: amount(unit.consumerTotal),
                       quickSessions: amount(unit.quickSessions), quickSpice: amount(unit.quickSpice),
                       quickUsers: amount(unit.quickUsers), quickOther: amount(unit.quickOther),
                       chargebackTotal: amount(unit.chargebackTotal), budget: AmountText(unit.budget),
                       budgetText: unit.budget.map { MoneyFormat.grouped($0) } ?? "none",
                       budgetUse: unit.budgetUse.map { MoneyFormat.percent($0) } ?? "",
                       change: change, status: unit.status.rawValue, statusLabel: unit.status.shortLabel,
                       estimated: !unit.costDataFinal && !failed)
    }

    static func category(_ category: CategoryReport, names: [String: String]) -> CategoryView {
        let allocation = category.allocation
        let shares = allocation.shares.map { share in
            let central = share.businessUnitId == AllocationShareReport.centralId
            return ShareRow(unit: central ? "Kept central" : names[share.businessUnitId].map { "\($0) (\(share.businessUnitId))" } ?? share.businessUnitId,
                            isCentral: central, driverValue: share.driverValue.map { MoneyFormat.grouped($0, scale: 0) } ?? "",
                            share: MoneyFormat.percent(share.share), amount: AmountText(share.amount))
        }
        return CategoryView(label: category.category.label, key: category.category.rawValue,
                            amount: AmountText(category.amount),
                            usageTypes: category.usageTypes.map { UsageRow(usageType: $0.usageType, amount: AmountText($0.amount)) },
                            hasUsageTypes: !category.usageTypes.isEmpty, method: Self.method(allocation.method),
                            hasDriver: allocation.driver != nil, driver: allocation.driver.map(Self.driver) ?? "",
                            driverTotal: allocation.driverTotal.map { MoneyFormat.grouped($0, scale: 0) } ?? "",
                            shares: shares, hasShares: !shares.isEmpty, allocated: AmountText(allocation.allocated),
                            centralRemainder: AmountText(allocation.centralRemainder),
                            hasCentralReason: allocation.centralReason != nil, centralReason: allocation.centralReason ?? "",
                            flagged: allocation.flagged)
    }

    static func method(_ method: String) -> String {
        switch method {
        case "none": "not allocated (kept central)"
        case "even": "evenly across business units"
        case "fixed": "fixed percentages"
        case "proportional": "in proportion to a driver"
        default: method
        }
    }

    static func driver(_ driver: String) -> String {
        switch driver {
        case "query_count": "billable Athena queries"
        case "billed_bytes": "Athena bytes billed"
        case "athena_cost": "reconciled Athena cost"
        case "spice_bytes": "SPICE bytes of the unit's data sets"
        default: driver
        }
    }

    static func quickServiceSentence(_ central: CentralReport) -> String {
        guard let name = central.quickServiceName else {
            return "No Cost Explorer SERVICE value for Quick was found for the month (quick_service_name: auto)."
        }
        if central.quickServiceNameFound == true {
            return "Quick's costs are Cost Explorer's SERVICE \u{201C}\(name)\u{201D}, found with GetDimensionValues (quick_service_name: auto)."
        }
        return "Quick's costs are Cost Explorer's SERVICE \u{201C}\(name)\u{201D}, as configured (quick_service_name)."
    }

    static func settings(_ report: ChargebackReport) -> [SettingRow] {
        let s = report.settings
        var rows = [
            SettingRow(name: "Cost metric", value: "\(PageHeader.label(ofMetric: report.costMetric)) (\(report.costMetric))"),
            SettingRow(name: "Athena price per TB (2^40 bytes)", value: "\(MoneyFormat.grouped(s.athenaPricePerTB)) \(report.currency)"),
        ]
        for (region, price) in s.athenaPricePerTBByRegion.sorted(by: { $0.key < $1.key }) {
            rows.append(SettingRow(name: "Athena price per TB in \(region)", value: "\(MoneyFormat.grouped(price)) \(report.currency)"))
        }
        rows.append(SettingRow(name: "Variance flagged above", value: MoneyFormat.percent(s.varianceThreshold)))
        rows.append(SettingRow(name: "Quick service name in Cost Explorer", value: s.quickServiceName))
        for service in s.services {
            rows.append(SettingRow(name: "Service \(service.key)", value: service.costExplorerName))
        }
        for rule in s.usageTypeRules {
            rows.append(SettingRow(name: "Usage types counted as \(rule.category.label)", value: "pattern \(rule.pattern)"))
        }
        for rule in s.allocationRules {
            var value = method(rule.method)
            if let driver = rule.driver { value += ": \(Self.driver(driver))" }
            if let shares = rule.shares {
                value += ": " + shares.sorted(by: { $0.key < $1.key })
                    .map { "\($0.key) \(MoneyFormat.grouped($0.value, scale: 2))%" }.joined(separator: ", ")
            }
            rows.append(SettingRow(name: "Allocation of \(rule.category.label)", value: value))
        }
        return rows
    }
}
