import ChargebackModel
import Foundation

/// The view of `DIR/index.html`: every month folder present, newest first, with the headline of
/// its `report.json` when it can be read.
struct MonthsIndexPage {
    struct Month {
        var folder: String
        var link: String
        var title: String
        var hasSummary: Bool
        var total: String
        var currency: String
        var status: String
        var dataFinal: Bool
    }

    var lang = "en"
    var months: [Month]
    var hasMonths: Bool
    var generatedAt: String

    init(months: [(folder: String, summary: ReportSummary?)], generatedAt: Date) {
        self.months = months.map { month in
            Month(folder: month.folder, link: "\(month.folder)/index.html",
                  title: BillingMonth(month.folder)?.title ?? month.folder, hasSummary: month.summary != nil,
                  total: month.summary.map { MoneyFormat.grouped($0.totals.chargebackTotal) } ?? "",
                  currency: month.summary?.currency ?? "", status: month.summary?.status ?? "",
                  dataFinal: month.summary?.costDataFinal ?? false)
        }
        hasMonths = !self.months.isEmpty
        self.generatedAt = DateFormat.minute(generatedAt)
    }
}

/// The few fields of a month's `report.json` the months index shows; decoding only these keeps
/// older or newer schema versions readable. `ReportJSON.decoder()` maps the snake_case keys.
struct ReportSummary: Decodable {
    struct Totals: Decodable {
        var chargebackTotal: Decimal
    }

    var schemaVersion: String
    var currency: String
    var status: String
    var costDataFinal: Bool
    var totals: Totals
}
