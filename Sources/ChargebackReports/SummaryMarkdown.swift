import Foundation
import ChargebackModel

/// `summary.md`: the month in a few lines for a CI job summary (`$GITHUB_STEP_SUMMARY`): status,
/// notes, headline figures and one table row per business unit.
enum SummaryMarkdown {
    static func render(_ report: ChargebackReport) -> ReportFile {
        let currency = escape(report.currency)
        var out = "# Chargeback — \(report.month.title)\n\n"
        out += "Status: **\(report.status.rawValue)**. Cost data: \(report.costDataFinal ? "final" : "**estimated** (not yet final)")."
        out += " Currency: \(currency). Cost metric: \(escape(report.costMetric)).\n\n"
        if !report.dataQuality.isEmpty {
            out += "## Attention\n\n"
            for note in report.dataQuality { out += "- \(escape(note.message))\n" }
            out += "\n"
        }
        let totals = report.totals
        out += "## Totals (\(currency))\n\n"
        out += "| Figure | Amount |\n|---|---:|\n"
        out += "| Total charged back | \(MoneyFormat.grouped(totals.chargebackTotal)) |\n"
        out += "| of which consumer-account costs | \(MoneyFormat.grouped(totals.consumerTotal)) |\n"
        out += "| of which allocated central Quick costs | \(MoneyFormat.grouped(totals.allocatedQuick)) |\n"
        out += "| Central Quick costs kept central | \(MoneyFormat.grouped(totals.centralRemainder)) |\n"
        if let change = totals.change {
            let fraction = totals.changeFraction.map { " (\(MoneyFormat.signedPercent($0)))" } ?? ""
            out += "| Change against the previous month | \(MoneyFormat.signedGrouped(change))\(fraction) |\n"
        }
        out += "\n## Business units (\(currency))\n\n"
        out += "| Business unit | Cost centre | Consumer accounts | Chargeback total | Budget use | Status |\n"
        out += "|---|---|---:|---:|---:|---|\n"
        for unit in report.businessUnits {
            let failed = unit.status == .failed
            out += "| \(escape(unit.name)) (\(escape(unit.id))) | \(escape(unit.costCenter ?? "")) | "
            out += "\(failed ? "—" : unit.consumerTotal.map { MoneyFormat.grouped($0) } ?? "—") | "
            out += "\(failed ? "—" : unit.chargebackTotal.map { MoneyFormat.grouped($0) } ?? "—") | "
            out += "\(unit.budgetUse.map { MoneyFormat.percent($0) } ?? "—") | \(unit.status.rawValue) |\n"
        }
        out += "| **Total** | | **\(MoneyFormat.grouped(totals.consumerTotal))** | "
        out += "**\(MoneyFormat.grouped(totals.chargebackTotal))** | | |\n"
        return ReportFile(name: "summary.md", text: out)
    }

    /// Text made inert in Markdown and in the HTML a Markdown renderer passes through: HTML
    /// characters as entities, Markdown punctuation backslash-escaped, line breaks as spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r", "\r\n", "\t": out += " "
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~", "{", "}", "(", ")": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }
}
