import Foundation
import Testing

/// Golden files under Tests/ChargebackReportsTests/Golden. `UPDATE_GOLDEN=1 swift test` rewrites
/// them; otherwise a mismatch fails the test and prints a unified diff.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func check(_ data: Data, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: url)
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record("golden file \(name) is missing: run UPDATE_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if expected != data {
            Issue.record("\(name) differs from its golden file (UPDATE_GOLDEN=1 rewrites it):\n\(diff(expected, data, name: name))",
                         sourceLocation: sourceLocation)
        }
    }

    /// `diff -u` of the two versions, or both texts when diff is not installed.
    static func diff(_ expected: Data, _ actual: Data, name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let a = folder.appendingPathComponent("expected-\(name)"), b = folder.appendingPathComponent("actual-\(name)")
            try expected.write(to: a)
            try actual.write(to: b)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
            process.arguments = ["-u", a.path, b.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: output, as: UTF8.self)
        } catch {
            return "expected:\n\(String(decoding: expected, as: UTF8.self))\nactual:\n\(String(decoding: actual, as: UTF8.self))"
        }
    }
}
