import ChargebackModel
import Foundation
import Testing
@testable import ChargebackReports

@Suite("Golden files of the fixture (UPDATE_GOLDEN=1 rewrites them)")
struct GoldenTests {
    @Test("CSV, FOCUS, JSON and Markdown match their golden files", arguments: [
        "summary.csv", "central.csv", "allocations.csv", "workgroups.csv", "retail.csv", "invest.csv", "risk.csv",
        "focus.csv", "report.json", "summary.md",
    ])
    func golden(name: String) throws {
        let data = try #require(try Rendered.files()[name])
        try Golden.check(data, named: name)
    }

    /// report.json of report shapes the fixture lacks; `make validate-reports` checks every
    /// golden report*.json against docs/report.schema.json with check-jsonschema.
    @Test("report.json of the injection corpus and of a report without run or notes match their golden files")
    func otherShapes() throws {
        var complete = ReportFixture.report()
        complete.businessUnits.removeLast()
        complete.run = nil
        complete.dataQuality = []
        for (name, report) in [("report-injection.json", InjectionCorpus.report()), ("report-no-run.json", complete)] {
            let data = try #require(try Rendered.files(report)["report.json"])
            try Golden.check(data, named: name)
        }
    }

    @Test("report.json decodes back into the same report")
    func roundTrip() throws {
        let data = try #require(try Rendered.files()["report.json"])
        #expect(try ReportJSON.decoder().decode(ChargebackModel.ChargebackReport.self, from: data) == ReportFixture.report())
    }
}
