import ChargebackModel
import Foundation
import Testing
@testable import ChargebackReports

/// A value's bidirectional controls cannot reorder the page around it.
@Suite("Bidirectional controls in names are isolated in HTML")
struct BidiIsolationTests {
    static let rlo = "\u{202E}"

    @Test("a value without bidirectional controls is unchanged")
    func plainValuesUnchanged() {
        #expect(IsolatingHTMLEscape.isolated("Retail Banking") == "Retail Banking")
        #expect(IsolatingHTMLEscape.isolated("بنك التجزئة") == "بنك التجزئة")
        #expect(IsolatingHTMLEscape.escape("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;")
    }

    @Test("every embedding, override and isolate a value opens is closed inside an FSI … PDI around it", arguments: [
        ("A\u{202E}B", "\u{2068}A\u{202E}B\u{202C}\u{2069}"),
        ("\u{202B}x\u{202D}y", "\u{2068}\u{202B}x\u{202D}y\u{202C}\u{202C}\u{2069}"),
        ("\u{2067}x", "\u{2068}\u{2067}x\u{2069}\u{2069}"),
        ("\u{202E}x\u{202C}", "\u{2068}\u{202E}x\u{202C}\u{2069}"),
        ("\u{2067}\u{202E}x\u{2069}y", "\u{2068}\u{2067}\u{202E}x\u{2069}y\u{2069}"),
        ("x\u{2069}\u{202C}", "\u{2068}x\u{2069}\u{202C}\u{2069}"),
    ])
    func isolates(value: String, expected: String) {
        #expect(IsolatingHTMLEscape.isolated(value) == expected)
    }

    @Test("a business unit named with a right-to-left override: every page shows it isolated, never unterminated")
    func pagesIsolateHostileNames() throws {
        var report = ReportFixture.report()
        let hostile = "Retail \(Self.rlo)gnikn​aB"
        report.businessUnits[0].name = hostile
        report.businessUnits[0].costCenter = "CC-\(Self.rlo)1001"
        let files = try ReportRenderer().render(report, formats: [.html])
        let pages = files.filter { $0.name.hasSuffix(".html") }.map { String(decoding: $0.data, as: UTF8.self) }
        #expect(!pages.isEmpty)
        var shown = 0
        for page in pages {
            shown += page.components(separatedBy: "\u{2068}\(hostile)\u{202C}\u{2069}").count - 1
            // Each override in the page is closed before the value's PDI.
            let opened = page.components(separatedBy: Self.rlo).count - 1
            let isolated = page.components(separatedBy: "\u{202C}\u{2069}").count - 1
            #expect(opened == isolated)
        }
        #expect(shown >= 2, "the name appears on the organisation page and its own page")
    }
}
