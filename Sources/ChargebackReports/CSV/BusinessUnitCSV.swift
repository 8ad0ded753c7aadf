import Foundation
import ChargebackModel

/// `<bu-id>.csv`: a unit's chargeback lines; their amounts add up to its chargeback total. A
/// failed unit has no lines, so its file is the header alone.
enum BusinessUnitCSV {
    static let header = ["month", "business_unit_id", "account_id", "category", "item", "quantity", "unit", "amount",
                         "basis", "currency"]

    static func render(_ unit: BusinessUnitReport, of report: ChargebackReport) -> ReportFile {
        var csv = CSVWriter(header: header)
        for line in unit.lines {
            csv.append([.text(report.month.text), .text(unit.id), .text(unit.accountId), .text(line.category),
                        .text(line.item), .exact(line.quantity), .optionalText(line.unit), .money(line.amount),
                        .text(line.basis), .text(report.currency)])
        }
        return ReportFile(name: "\(unit.id).csv", data: csv.data)
    }
}
