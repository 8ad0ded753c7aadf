import ChargebackModel
import Foundation
import Testing
@testable import ChargebackReports

/// The organisation page's central costs say which Cost Explorer SERVICE value Quick's costs were
/// read under, and whether it was configured or found with GetDimensionValues.
@Suite("HTML: the Quick service name used")
struct QuickServiceNameHTMLTests {
    func centralParagraph(_ central: (inout CentralReport) -> Void) throws -> String {
        var report = ReportFixture.report()
        central(&report.central)
        let html = Rendered.text(try Rendered.files(report)["index.html"])
        let section = try #require(html.range(of: "<h2 id=\"central\">"))
        let paragraphEnd = try #require(html[section.upperBound...].range(of: "</p>"))
        return String(html[section.upperBound..<paragraphEnd.lowerBound])
    }

    @Test("configured, found automatically, or not found")
    func sentence() throws {
        let configured = try centralParagraph { _ in }
        #expect(configured.contains("SERVICE \u{201C}Amazon QuickSight\u{201D}, as configured (quick_service_name)."), "\(configured)")
        let found = try centralParagraph { $0.quickServiceName = "Amazon Quick"; $0.quickServiceNameFound = true }
        #expect(found.contains("SERVICE \u{201C}Amazon Quick\u{201D}, found with GetDimensionValues (quick_service_name: auto)."), "\(found)")
        let missing = try centralParagraph { $0.quickServiceName = nil; $0.quickServiceNameFound = true }
        #expect(missing.contains("No Cost Explorer SERVICE value for Quick was found"), "\(missing)")
    }
}
