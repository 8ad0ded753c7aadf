import ChargebackModel
import Foundation

/// `focus.csv`: every business unit's chargeback lines in FinOps FOCUS 1.2 columns, one row per
/// line, so a FOCUS-aware tool can load the recharges next to the provider's own FOCUS export.
///
/// Accounts stay accounts: `BillingAccountId` is the AWS account whose bill the cost is on (the
/// unit's account for its own costs, the central account for its share of Quick) and
/// `SubAccountId` the account the usage ran in (the same accounts). The business unit is in the
/// `x_BusinessUnit…` columns and `Tags`. A share has no price of its own: `ListCost`,
/// `ContractedCost`, `EffectiveCost` and `BilledCost` all hold the line's amount in the configured
/// cost metric, and each line is priced as one `Chargeback Line`. docs/reports.md explains why.
enum FocusCSV {
    static let header = [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd",
        "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency",
        "ChargePeriodEnd", "ChargePeriodStart", "ConsumedQuantity", "ConsumedUnit", "ContractedCost", "EffectiveCost",
        "InvoiceId", "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
        "RegionId", "ResourceId", "ResourceName", "ResourceType", "ServiceCategory", "ServiceName", "ServiceSubcategory",
        "SubAccountId", "SubAccountName", "Tags",
        "x_BusinessUnitId", "x_BusinessUnitName", "x_ChargebackCategory", "x_CostCenter", "x_CostMetric",
        "x_CostDataFinal",
    ]

    /// The unit every line is priced in: one line of the unit's chargeback.
    static let pricingUnit = "Chargeback Line"

    static func render(_ report: ChargebackReport) -> ReportFile {
        var csv = CSVWriter(header: header)
        for unit in report.businessUnits {
            for line in unit.lines {
                csv.append(row(line, of: unit, in: report))
            }
        }
        return ReportFile(name: "focus.csv", data: csv.data)
    }

    /// One line's cells, in the order of `header`.
    static func row(_ line: ChargebackLine, of unit: BusinessUnitReport, in report: ChargebackReport) -> [CSVCell] {
        let periodStart = DateFormat.focusDay(report.periodStart)
        let periodEnd = DateFormat.focusDay(report.periodEnd)
        let service = serviceName(of: line, in: report)
        let taxonomy = FocusServiceTaxonomy.classify(service)
        let account = accountId(of: line, unit: unit, report: report)
        let workgroup = line.category == "athena" ? WorkgroupPath(line.item) : nil
        return [
            .money(line.amount), .text(account), .empty, .text(report.currency), .text(periodEnd),
            .text(periodStart), .text("Usage"), .empty, .text(line.basis),
            .text(line.category == "quick_users" ? "Recurring" : "Usage-Based"),
            .text(periodEnd), .text(periodStart), .exact(line.quantity), .optionalText(line.unit),
            .money(line.amount), .money(line.amount),
            .empty, .text("AWS"), .money(line.amount), .integer(1), .text(pricingUnit), .text("AWS"), .text("AWS"),
            .optionalText(workgroup?.region), .optionalText(workgroup?.arn(account: unit.accountId)),
            .optionalText(workgroup.map { _ in line.item }), .optionalText(workgroup.map { _ in "Workgroup" }),
            .text(taxonomy.category), .text(service), .text(taxonomy.subcategory),
            .text(account), .empty, .text(tags(unit: unit, line: line)),
            .text(unit.id), .text(unit.name), .text(line.category),
            .optionalText(unit.costCenter), .text(report.costMetric), .bool(unit.costDataFinal),
        ]
    }

    /// The account whose bill carries the line's cost: Quick is billed to the central account,
    /// everything else to the unit's own account.
    static func accountId(of line: ChargebackLine, unit: BusinessUnitReport, report: ChargebackReport) -> String {
        line.category.hasPrefix("quick_") ? report.central.accountId : unit.accountId
    }

    /// The Cost Explorer name of the line's service: Athena for workgroup lines, Quick for the
    /// allocated central costs, the configured service for the others.
    static func serviceName(of line: ChargebackLine, in report: ChargebackReport) -> String {
        let services = report.settings.services
        if line.category.hasPrefix("quick_") { return report.central.quickServiceName ?? report.settings.quickServiceName }
        if line.category == "athena" {
            return services.first(where: { $0.key == "athena" })?.costExplorerName ?? "Amazon Athena"
        }
        return services.first(where: { $0.key == line.item || $0.costExplorerName == line.item })?.costExplorerName
            ?? line.item
    }

    /// The line's keys as a JSON object with sorted keys.
    static func tags(unit: BusinessUnitReport, line: ChargebackLine) -> String {
        var tags = ["chargeback:business_unit": unit.id, "chargeback:category": line.category]
        if let costCenter = unit.costCenter { tags["chargeback:cost_center"] = costCenter }
        return String(decoding: (try? tagsEncoder.encode(tags)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// One encoder for every line's tags: sorted keys, slashes as they are.
    static let tagsEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// A workgroup line's item, `region/name`; `(unattributed)` has no ARN.
struct WorkgroupPath {
    var region: String
    var name: String

    init?(_ item: String) {
        guard let slash = item.firstIndex(of: "/") else { return nil }
        region = String(item[..<slash])
        name = String(item[item.index(after: slash)...])
    }

    func arn(account: String) -> String? {
        name == WorkgroupReport.unattributed ? nil : "arn:aws:athena:\(region):\(account):workgroup/\(name)"
    }
}
