import ChargebackModel
import Foundation
import Testing
@testable import ChargebackReports

/// A publish killed with SIGKILL halfway through writing. The child is this test binary itself,
/// running only `killHelper`, which publishes and stops for good after two files; the parent
/// kills it there and looks at what is left.
@Suite("A killed publish")
struct PublisherKillTests {
    static let helperVariable = "CHARGEBACK_TEST_KILLED_PUBLISH_DIR"

    /// In the child: publish into the folder named by the environment and stop after two files.
    @Test("helper: publishes and stops after two files (runs only when the kill test starts it)")
    func killHelper() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.helperVariable] else { return }
        let files = (0..<10).map { ReportFile(name: "file\($0).csv", data: Data("killed run".utf8)) }
        try ReportPublisher.publish(files, month: ReportFixture.month, outDirectory: URL(fileURLWithPath: path),
                                    renderer: ReportRenderer(), faults: .init(afterEachFile: { written in
            guard written == 2 else { return }
            // Wait to be killed; give up (and fail the helper) after a minute rather than hang.
            for _ in 0..<600 { usleep(100_000) }
            exit(1)
        }))
    }

    @Test("SIGKILL while writing leaves the previous month intact; the next publish cleans up")
    func killedMidway() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("killed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try ReportPublisher.publish(PublisherTests.files("good"), month: ReportFixture.month, outDirectory: out)

        let child = Process()
        child.executableURL = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL
        child.arguments = ["--testing-library", "swift-testing", "--filter", "killHelper"]
        child.environment = ProcessInfo.processInfo.environment.merging([Self.helperVariable: out.path]) { $1 }
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        defer { if child.isRunning { kill(child.processIdentifier, SIGKILL); child.waitUntilExit() } }

        // Wait (bounded) until the child has written two files into its temporary folder.
        var temporary: URL?
        for _ in 0..<1200 where temporary == nil && child.isRunning {
            usleep(50_000)
            temporary = try FileManager.default.contentsOfDirectory(atPath: out.path)
                .filter { $0.hasPrefix(".2026-10.tmp-") }
                .map { out.appendingPathComponent($0) }
                .first { ((try? FileManager.default.contentsOfDirectory(atPath: $0.path)) ?? []).count >= 2 }
        }
        let leftover = try #require(temporary, "the child never reached its second file")
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)

        #expect(PublisherTests.read(out.appendingPathComponent("2026-10/retail.csv")) == "good")
        #expect(try PublisherTests.entries(out.appendingPathComponent("2026-10")) == ["index.html", "retail.csv", "summary.csv"])
        #expect(FileManager.default.fileExists(atPath: leftover.path), "the killed run left its temporary folder")
        #expect(!PublisherTests.read(out.appendingPathComponent("index.html")).contains("tmp"))

        try ReportPublisher.publish(PublisherTests.files("next"), month: ReportFixture.month.previous, outDirectory: out)
        #expect(try PublisherTests.entries(out) == ["2026-09", "2026-10", "index.html"])
        #expect(PublisherTests.read(out.appendingPathComponent("2026-10/retail.csv")) == "good")
    }
}
