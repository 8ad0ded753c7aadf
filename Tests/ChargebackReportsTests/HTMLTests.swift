import ChargebackTestSupport
import ChargebackModel
import Foundation
import Testing
@testable import ChargebackReports

@Suite("HTML pages: valid, self-contained, accessible, say what is wrong first")
struct HTMLTests {
    @Test("every page parses with libxml2's HTML parser without an error")
    func parses() throws {
        let files = try Rendered.files(includeQueryText: true)
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(Set(pages.keys) == ["index.html", "retail.html", "invest.html", "risk.html"])
        for (name, data) in pages {
            let errors = HTMLChecker.errors(in: data)
            #expect(errors.isEmpty, "\(name): \(errors)")
        }
    }

    @Test("the checker does catch broken markup")
    func checkerCatches() {
        #expect(!HTMLChecker.errors(in: Data("<!DOCTYPE html><html><body><p>a < b & c</p><table><tr><td></div></body></html>".utf8)).isEmpty)
        #expect(!HTMLChecker.errors(in: Data("<!DOCTYPE html><html><body><blink>x</blink></body></html>".utf8)).isEmpty)
    }

    @Test("pages are self-contained: no script, no external URL, lang on html")
    func selfContained() throws {
        for (name, data) in try Rendered.files() where name.hasSuffix(".html") {
            let html = Rendered.text(data)
            #expect(!html.contains("http://") && !html.contains("https://"), "\(name)")
            #expect(!html.lowercased().contains("<script"), "\(name)")
            #expect(!html.contains("<link") && !html.contains("@import") && !html.contains("url(http"), "\(name)")
            #expect(html.contains("<html lang=\"en\">"), "\(name)")
            #expect(html.contains("@page") && html.contains("thead { display: table-header-group; }") && html.contains("break-inside: avoid"), "\(name)")
        }
    }

    @Test("tables have captions and scoped headers; amounts are right-aligned with the currency in the header")
    func accessibleTables() throws {
        for (name, data) in try Rendered.files() where name.hasSuffix(".html") {
            let html = Rendered.text(data)
            let tables = html.components(separatedBy: "<table").count - 1
            #expect(tables == html.components(separatedBy: "<caption>").count - 1, "\(name): a caption per table")
            #expect(!html.contains("<th>"), "\(name): every th has a scope")
        }
        let index = Rendered.text(try Rendered.files()["index.html"])
        #expect(index.contains("<th scope=\"col\" rowspan=\"2\" class=\"num\">Chargeback total (USD)</th>"))
        #expect(index.contains("<tfoot>"))
    }

    @Test("the organisation page: attention box before the figures, headline, totals, chart with title and legend")
    func organisationPage() throws {
        let html = Rendered.text(try Rendered.files()["index.html"])
        #expect(html.contains("<h1>Chargeback — October 2026</h1>"))
        let attention = try #require(html.range(of: "Read this first"))
        let figures = try #require(html.range(of: "Total charged back"))
        #expect(attention.lowerBound < figures.lowerBound)
        #expect(html.contains("risk failed: its costs are missing"))
        #expect(html.contains("1,210.25"), "headline total, grouped")
        #expect(html.contains("-12.50"), "a credit keeps its minus sign")
        #expect(html.contains("cost data estimated, not final"))
        #expect(html.contains("<title id=\"chart-title\">") && html.contains("<desc id=\"chart-desc\">"))
        for label in CostChart.series.map(\.label) { #expect(html.contains(">\(label)</text>"), "legend \(label)") }
        #expect(html.contains("no figures: collection failed"))
        #expect(html.contains("Kept central because: SPICE data sets that map to no business unit."))
        #expect(html.contains("docs/computation.md"))
        #expect(html.contains("run-20261102-0600"))
        #expect(html.contains("+110.25"), "month over month")
    }

    @Test("a BU page: reconciliation line, flagged settings, top queries without SQL unless asked")
    func businessUnitPage() throws {
        let html = Rendered.text(try Rendered.files()["retail.html"])
        #expect(html.contains("Athena billed 812.40 USD; estimated from queries 793.12 USD; variance +19.28 USD (+2.4%)."))
        #expect(html.contains("<div class=\"flag\">no per-query scan limit</div>"))
        #expect(html.contains("<div class=\"flag\">results not encrypted</div>"))
        #expect(html.contains("title=\"124,000,000,000,000 bytes\""), "exact byte count in a title")
        #expect(html.contains("7f3c2a10-0000-4000-8000-000000000000"))
        #expect(!html.contains("SELECT region"), "no SQL by default")
        #expect(Rendered.text(try Rendered.files(includeQueryText: true)["retail.html"]).contains("SELECT region"))
        #expect(html.contains("Monthly budget") && html.contains("70.0% used"))
        let risk = Rendered.text(try Rendered.files()["risk.html"])
        #expect(risk.contains("Failed: no figures") && risk.contains("AccessDenied"))
        let invest = Rendered.text(try Rendered.files()["invest.html"])
        #expect(invest.contains("not a workgroup: the part of the bill no query explains"))
    }

    @Test("the embedded templates are the files of templates/ (rerun scripts/embed-templates.sh)")
    func embeddedTemplatesMatch() throws {
        let onDisk = try TemplateLibrary.read(Rendered.repository.appendingPathComponent("templates"))
        #expect(Set(onDisk.keys) == Set(BuiltinTemplates.files.keys))
        for (name, text) in onDisk { #expect(BuiltinTemplates.files[name] == text, "\(name) differs: run scripts/embed-templates.sh") }
    }

    @Test("--templates DIR overrides the built-in templates; a missing template is a clear error")
    func templatesOverride() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "<p>{{header.monthTitle}} custom</p>".write(to: folder.appendingPathComponent("index.mustache"), atomically: true, encoding: .utf8)
        try "<p>{{name}}</p>".write(to: folder.appendingPathComponent("business-unit.mustache"), atomically: true, encoding: .utf8)
        #expect(throws: ReportRenderError.missingTemplate(name: "months-index.mustache", directory: folder.path)) {
            _ = try ReportRenderer(templatesDirectory: folder).render(ReportFixture.report(), formats: [.html])
        }
        try "<p>months</p>".write(to: folder.appendingPathComponent("months-index.mustache"), atomically: true, encoding: .utf8)
        let files = try ReportRenderer(templatesDirectory: folder).render(ReportFixture.report(), formats: [.html])
        #expect(Rendered.text(files.first { $0.name == "index.html" }?.data) == "<p>October 2026 custom</p>")
    }

    @Test("a business unit id that cannot name a file is refused", arguments: ["../x", "summary", "Retail", ""])
    func unsafeIds(id: String) {
        var report = ReportFixture.report()
        report.businessUnits[0].id = id
        #expect(throws: ReportRenderError.unsafeBusinessUnitId(id)) { _ = try ReportRenderer().render(report, formats: [.csv]) }
    }

    /// `REPORTS_DUMP_DIR=dir swift test --filter dumpHTML` writes the fixture's pages for screenshots.
    @Test("dump the fixture's reports when REPORTS_DUMP_DIR is set")
    func dumpHTML() throws {
        guard let path = ProcessInfo.processInfo.environment["REPORTS_DUMP_DIR"] else { return }
        let renderer = ReportRenderer()
        let files = try renderer.render(ReportFixture.report(), formats: Set(ReportFormat.allCases))
        try ReportPublisher.publish(files, month: ReportFixture.month, outDirectory: URL(fileURLWithPath: path), renderer: renderer)
    }
}
