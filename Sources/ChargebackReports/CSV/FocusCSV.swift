import ChargebackModel
import Foundation

/// `focus.csv`: every business unit's chargeback lines in FinOps FOCUS 1.2 columns, one row per
/// line, so a FOCUS-aware tool can load the recharges next to the provider's own FOCUS export.
///
/// Mapping: the business unit is the billing account of the recharge (`BillingAccountId` = its id)
/// and its AWS account the sub-account; `BilledCost` = `EffectiveCost` = the line's amount in the
/// configured cost metric (no amortisation is known here); every line is `Usage` (credits are
/// already netted into the service amounts, as on the bill). Columns FOCUS defines but this tool
/// cannot fill honestly (list and contracted cost, SKUs, commitment discounts) are left out;
/// `x_` columns carry what FOCUS has no column for.
enum FocusCSV {
    static let header = [
        "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd",
        "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargeFrequency",
        "ChargePeriodEnd", "ChargePeriodStart", "ConsumedQuantity", "ConsumedUnit", "EffectiveCost",
        "InvoiceIssuerName", "ProviderName", "PublisherName", "RegionId", "ResourceId", "ResourceName",
        "ResourceType", "ServiceCategory", "ServiceName", "SubAccountId", "SubAccountName", "Tags",
        "x_ChargebackCategory", "x_CostCenter", "x_CostMetric", "x_CostDataFinal",
    ]

    static func render(_ report: ChargebackReport) -> ReportFile {
        var csv = CSVWriter(header: header)
        let periodStart = DateFormat.focusDay(report.periodStart)
        let periodEnd = DateFormat.focusDay(report.periodEnd)
        for unit in report.businessUnits {
            for line in unit.lines {
                let service = serviceName(of: line, in: report)
                let workgroup = line.category == "athena" ? WorkgroupPath(line.item) : nil
                csv.append([
                    .money(line.amount), .text(unit.id), .text(unit.name), .text(report.currency), .text(periodEnd),
                    .text(periodStart), .text("Usage"), .empty, .text(line.basis),
                    .text(line.category == "quick_users" ? "Recurring" : "Usage-Based"),
                    .text(periodEnd), .text(periodStart), .exact(line.quantity), .optionalText(line.unit),
                    .money(line.amount), .text("AWS"), .text("AWS"), .text("AWS"),
                    .optionalText(workgroup?.region), .optionalText(workgroup?.arn(account: unit.accountId)),
                    .optionalText(workgroup.map { _ in line.item }), .optionalText(workgroup.map { _ in "Workgroup" }),
                    .text(serviceCategory(of: service)), .text(service), .text(unit.accountId), .text(unit.name),
                    .text(tags(unit: unit, line: line)), .text(line.category),
                    .optionalText(unit.costCenter), .text(report.costMetric), .bool(unit.costDataFinal),
                ])
            }
        }
        return ReportFile(name: "focus.csv", data: csv.data)
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

    /// FOCUS's ServiceCategory for the services a chargeback meets; anything else is `Other`.
    static func serviceCategory(of service: String) -> String {
        let lower = service.lowercased()
        if lower.contains("simple storage service") || lower == "amazon s3" { return "Storage" }
        let analytics = ["athena", "glue", "quicksight", "amazon quick", "emr", "redshift", "kinesis", "lake formation"]
        if analytics.contains(where: lower.contains) { return "Analytics" }
        return "Other"
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
