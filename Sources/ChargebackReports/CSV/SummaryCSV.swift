import Foundation
import ChargebackModel

/// `summary.csv`: one row per business unit; a failed unit's amounts are empty cells.
enum SummaryCSV {
    static let header = ["month", "business_unit_id", "business_unit", "account_id", "cost_center", "athena_billed",
                         "athena_estimated", "glue", "s3", "other_services", "consumer_total", "quick_sessions",
                         "quick_spice", "quick_users", "quick_other", "chargeback_total", "budget", "currency",
                         "cost_data_final", "status"]

    static func render(_ report: ChargebackReport) -> ReportFile {
        var csv = CSVWriter(header: header)
        for unit in report.businessUnits {
            let failed = unit.status == .failed
            func amount(_ value: Decimal?) -> CSVCell { failed ? .empty : .money(value) }
            csv.append([
                .text(report.month.text), .text(unit.id), .text(unit.name), .text(unit.accountId),
                .optionalText(unit.costCenter), amount(unit.athenaBilled), amount(unit.athenaEstimated),
                amount(unit.glue), amount(unit.s3), amount(unit.otherServices), amount(unit.consumerTotal),
                amount(unit.quickSessions), amount(unit.quickSpice), amount(unit.quickUsers), amount(unit.quickOther),
                amount(unit.chargebackTotal), .money(unit.budget), .text(report.currency), .bool(unit.costDataFinal),
                .text(unit.status.rawValue),
            ])
        }
        return ReportFile(name: "summary.csv", data: csv.data)
    }
}
