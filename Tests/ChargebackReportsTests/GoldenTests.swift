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

    @Test("report.json decodes back into the same report")
    func roundTrip() throws {
        let data = try #require(try Rendered.files()["report.json"])
        #expect(try ReportJSON.decoder().decode(ChargebackModel.ChargebackReport.self, from: data) == ReportFixture.report())
    }
}
