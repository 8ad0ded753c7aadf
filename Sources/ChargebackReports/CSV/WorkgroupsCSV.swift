import Foundation
import ChargebackModel

/// `workgroups.csv`: Athena per business unit, region and workgroup.
enum WorkgroupsCSV {
    static let header = ["month", "business_unit_id", "account_id", "region", "workgroup", "queries",
                         "queries_billable", "queries_failed", "queries_cancelled", "bytes_scanned", "bytes_billed",
                         "estimated_cost", "reconciled_cost", "engine_time_ms", "currency"]

    static func render(_ report: ChargebackReport) -> ReportFile {
        var csv = CSVWriter(header: header)
        for unit in report.businessUnits {
            for group in unit.workgroups {
                csv.append([.text(report.month.text), .text(unit.id), .text(unit.accountId), .text(group.region),
                            .text(group.name), .integer(group.queries), .integer(group.queriesBillable),
                            .integer(group.queriesFailed), .integer(group.queriesCancelled),
                            .integer(group.bytesScanned), .integer(group.bytesBilled), .money(group.estimatedCost),
                            .money(group.reconciledCost), .integer(group.engineTimeMillis), .text(report.currency)])
            }
        }
        return ReportFile(name: "workgroups.csv", data: csv.data)
    }
}
