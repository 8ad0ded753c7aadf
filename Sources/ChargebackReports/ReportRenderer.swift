import ChargebackModel
import Foundation

/// Turns the report model into the files of one month's folder (docs/reports.md). It formats fields and
/// computes nothing: every figure is a field of `ChargebackReport`.
public struct ReportRenderer: Sendable {
    /// A folder of Mustache templates replacing the built-in ones (`--templates DIR`).
    public var templatesDirectory: URL?
    /// Whether the BU pages show the SQL of their costliest queries (when the collect kept it).
    public var includeQueryText: Bool
    /// Shared by the copies of this renderer: a render and the months index after it parse once.
    private let templates = TemplateCache()

    public init(templatesDirectory: URL? = nil, includeQueryText: Bool = false) {
        self.templatesDirectory = templatesDirectory
        self.includeQueryText = includeQueryText
    }

    /// The files for `formats`, in a stable order: HTML, CSV, JSON, FOCUS, Markdown.
    public func render(_ report: ChargebackReport, formats: Set<ReportFormat>) throws -> [ReportFile] {
        for unit in report.businessUnits where !Self.isSafeFileStem(unit.id) {
            throw ReportRenderError.unsafeBusinessUnitId(unit.id)
        }
        var files: [ReportFile] = []
        if formats.contains(.html) {
            let library = try templates.library(for: templatesDirectory)
            files += try HTMLPages(templates: library, includeQueryText: includeQueryText).render(report)
        }
        if formats.contains(.csv) {
            files += [SummaryCSV.render(report), CentralCSV.render(report), AllocationsCSV.render(report),
                      WorkgroupsCSV.render(report)]
            files += report.businessUnits.map { BusinessUnitCSV.render($0, of: report) }
        }
        if formats.contains(.json) { files.append(try ReportJSON.render(report)) }
        if formats.contains(.focus) { files.append(FocusCSV.render(report)) }
        if formats.contains(.md) { files.append(SummaryMarkdown.render(report)) }
        return files
    }

    /// Parses the templates now, so a missing or broken one is found before any work it would waste.
    public func checkTemplates() throws {
        _ = try templates.library(for: templatesDirectory)
    }

    /// The months index (`DIR/index.html`) for the given month folders, newest first.
    func monthsIndex(_ page: MonthsIndexPage) throws -> ReportFile {
        ReportFile(name: "index.html",
                   text: try templates.library(for: templatesDirectory).render(page, template: "months-index"))
    }

    /// A business unit id becomes a file name: the configuration's id rule (well-formed, not
    /// reserved) is checked again before any file is named after it.
    static func isSafeFileStem(_ id: String) -> Bool {
        BusinessUnitConfig.isWellFormedID(id) && !BusinessUnitConfig.reservedIDs.contains(id)
    }
}
