import Foundation
import ChargebackModel

/// `central.csv`: the central account's Quick costs, one row per category and usage type.
enum CentralCSV {
    static let header = ["month", "category", "usage_type", "amount", "currency", "cost_data_final"]

    static func render(_ report: ChargebackReport) -> ReportFile {
        var csv = CSVWriter(header: header)
        for category in report.central.categories {
            for usage in category.usageTypes {
                csv.append([.text(report.month.text), .text(category.category.rawValue), .text(usage.usageType),
                            .money(usage.amount), .text(report.currency), .bool(report.central.costDataFinal)])
            }
        }
        return ReportFile(name: "central.csv", data: csv.data)
    }
}
