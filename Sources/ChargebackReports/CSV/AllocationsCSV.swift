import Foundation
import ChargebackModel

/// `allocations.csv`: each category's shares, with a `(central)` row for what stays central.
enum AllocationsCSV {
    static let header = ["month", "category", "business_unit_id", "method", "driver", "driver_value", "share",
                         "amount", "currency"]

    static func render(_ report: ChargebackReport) -> ReportFile {
        var csv = CSVWriter(header: header)
        for category in report.central.categories {
            for share in category.allocation.shares {
                csv.append([.text(report.month.text), .text(share.category.rawValue), .text(share.businessUnitId),
                            .text(share.method), .optionalText(share.driver), .exact(share.driverValue),
                            .decimal(share.share, scale: 6), .money(share.amount), .text(report.currency)])
            }
        }
        return ReportFile(name: "allocations.csv", data: csv.data)
    }
}
