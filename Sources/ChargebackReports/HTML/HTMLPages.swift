import ChargebackModel
import Foundation

/// `index.html` and one `<bu-id>.html` per business unit, from the templates.
struct HTMLPages {
    let templates: TemplateLibrary
    let includeQueryText: Bool

    func render(_ report: ChargebackReport) throws -> [ReportFile] {
        var files = [ReportFile(name: "index.html", text: try templates.render(OrganisationPage(report), template: "index"))]
        for unit in report.businessUnits {
            let page = BusinessUnitPage(unit, of: report, includeQueryText: includeQueryText)
            files.append(ReportFile(name: "\(unit.id).html", text: try templates.render(page, template: "business-unit")))
        }
        return files
    }
}
