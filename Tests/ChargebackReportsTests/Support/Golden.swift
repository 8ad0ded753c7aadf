import ChargebackTestSupport
import Foundation
import Testing

/// The fixture's golden files, beside this test target.
enum Golden {
    static let folder = GoldenFolder(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden"))

    static func check(_ data: Data, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let mismatch = try folder.mismatch(data, named: name) {
            Issue.record(Comment(rawValue: mismatch), sourceLocation: sourceLocation)
        }
    }
}
