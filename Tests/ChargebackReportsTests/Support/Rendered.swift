import ChargebackModel
import Foundation
@testable import ChargebackReports

/// The fixture rendered in every format, by file name.
enum Rendered {
    static func files(_ report: ChargebackReport = ReportFixture.report(), includeQueryText: Bool = false) throws -> [String: Data] {
        let files = try ReportRenderer(includeQueryText: includeQueryText).render(report, formats: Set(ReportFormat.allCases))
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.data) })
    }

    static func text(_ data: Data?) -> String { data.map { String(decoding: $0, as: UTF8.self) } ?? "" }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}
