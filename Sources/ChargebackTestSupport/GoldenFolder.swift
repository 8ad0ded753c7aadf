import Foundation

/// A folder of golden files: expected outputs kept in the repository. `UPDATE_GOLDEN=1` rewrites
/// them from the current output; otherwise a difference comes back as a unified diff to report.
public struct GoldenFolder: Sendable {
    public let url: URL

    public init(_ url: URL) {
        self.url = url
    }

    /// nil when `data` equals the golden file `name` (or the file was just rewritten); otherwise
    /// what differs, ready for a test failure.
    public func mismatch(_ data: Data, named name: String) throws -> String? {
        let file = url.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try data.write(to: file)
            return nil
        }
        guard let expected = try? Data(contentsOf: file) else {
            return "golden file \(name) is missing in \(url.path): run UPDATE_GOLDEN=1 swift test"
        }
        guard expected != data else { return nil }
        return "\(name) differs from its golden file (UPDATE_GOLDEN=1 rewrites it):\n\(Self.diff(expected, data, name: name))"
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
