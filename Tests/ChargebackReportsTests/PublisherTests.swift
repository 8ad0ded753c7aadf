import ChargebackTestSupport
import ChargebackModel
import Foundation
import Testing
@testable import ChargebackReports

@Suite("Publishing a month atomically")
struct PublisherTests {
    /// A fresh output folder, removed afterwards.
    static func withOutput(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        defer {
            _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
        try body(folder)
    }

    static func files(_ marker: String) -> [ReportFile] {
        [ReportFile(name: "index.html", data: Data("<p>\(marker)</p>".utf8)),
         ReportFile(name: "summary.csv", data: Data("month\r\n\(marker)\r\n".utf8)),
         ReportFile(name: "retail.csv", data: Data(marker.utf8))]
    }

    static func read(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    static func permissions(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    /// The folder's entries but the writers' lock file, which stays between runs.
    static func entries(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0 != OutputFolderLock.fileName }.sorted()
    }

    @Test("the rendered reports land in YYYY-MM with mode 0644 (folders 0755), and index.html lists the months")
    func publishes() throws {
        try Self.withOutput { out in
            let renderer = ReportRenderer()
            let report = ReportFixture.report()
            try ReportPublisher.publish(try renderer.render(report, formats: Set(ReportFormat.allCases)), month: report.month,
                                        outDirectory: out)
            try ReportPublisher.publish(Self.files("september"), month: report.month.previous, outDirectory: out)
            #expect(try Self.entries(out) == ["2026-09", "2026-10", "index.html"])
            let month = out.appendingPathComponent("2026-10")
            for name in try Self.entries(month) {
                #expect(try Self.permissions(month.appendingPathComponent(name).path) == 0o644, "\(name)")
            }
            #expect(try Self.permissions(month.path) == 0o755)
            #expect(try Self.permissions(out.appendingPathComponent("index.html").path) == 0o644)
            #expect(try Self.entries(month).count == 14)
            let index = Self.read(out.appendingPathComponent("index.html"))
            #expect(index.contains("<a href=\"2026-10/index.html\">October 2026</a>"))
            #expect(index.contains("1,210.25 USD"))
            #expect(index.contains("<a href=\"2026-09/index.html\">September 2026</a>"))
            #expect(index.range(of: "October 2026")!.lowerBound < index.range(of: "September 2026")!.lowerBound)
            #expect(HTMLChecker.errors(in: Data(index.utf8)).isEmpty)
        }
    }

    @Test("publishing again replaces the month as a whole: no file of the old run survives")
    func replaces() throws {
        try Self.withOutput { out in
            let month = ReportFixture.month
            try ReportPublisher.publish(Self.files("first") + [ReportFile(name: "gone.csv", data: Data())], month: month, outDirectory: out)
            try ReportPublisher.publish(Self.files("second"), month: month, outDirectory: out)
            let folder = out.appendingPathComponent("2026-10")
            #expect(try Self.entries(folder) == ["index.html", "retail.csv", "summary.csv"])
            #expect(Self.read(folder.appendingPathComponent("retail.csv")) == "second")
            #expect(try Self.entries(out) == ["2026-10", "index.html"], "no temporary or old folder left")
        }
    }

    @Test("a failure after some files leaves the previous month intact and no temporary folder")
    func failureMidway() throws {
        try Self.withOutput { out in
            let month = ReportFixture.month
            try ReportPublisher.publish(Self.files("good"), month: month, outDirectory: out)
            #expect(throws: PublishError.self) {
                try ReportPublisher.publish(Self.files("bad"), month: month, outDirectory: out, renderer: ReportRenderer(),
                                            faults: .init(failAfterFiles: 2))
            }
            let folder = out.appendingPathComponent("2026-10")
            #expect(try Self.entries(folder) == ["index.html", "retail.csv", "summary.csv"])
            #expect(Self.read(folder.appendingPathComponent("retail.csv")) == "good")
            #expect(try Self.entries(out) == ["2026-10", "index.html"])
        }
    }

    @Test("a failure between setting the old month aside and renaming the new one in puts the old one back")
    func failureBetweenRenames() throws {
        try Self.withOutput { out in
            let month = ReportFixture.month
            try ReportPublisher.publish(Self.files("good"), month: month, outDirectory: out)
            #expect(throws: PublishError.self) {
                try ReportPublisher.publish(Self.files("bad"), month: month, outDirectory: out, renderer: ReportRenderer(),
                                            faults: .init(failAfterRenamingOldAside: true))
            }
            #expect(Self.read(out.appendingPathComponent("2026-10/retail.csv")) == "good")
            #expect(try Self.entries(out) == ["2026-10", "index.html"])
        }
    }

    @Test("what a killed run leaves (a half-written temporary folder, the old month set aside) is ignored, then recovered and cleaned by the next publish")
    func killedRunLeftovers() throws {
        try Self.withOutput { out in
            let month = ReportFixture.month
            try ReportPublisher.publish(Self.files("good"), month: month, outDirectory: out)
            try ReportPublisher.publish(Self.files("august"), month: BillingMonth("2026-08")!, outDirectory: out)
            // A run killed while writing: a half-written temporary folder of October.
            let temporary = out.appendingPathComponent(".2026-10.tmp-killed1234")
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
            try Data("half".utf8).write(to: temporary.appendingPathComponent("index.html"))
            // A run killed between the two renames: August set aside, its new folder never renamed in.
            try FileManager.default.moveItem(at: out.appendingPathComponent("2026-08"), to: out.appendingPathComponent(".2026-08.old-killed5678"))
            #expect(Self.read(out.appendingPathComponent("2026-10/retail.csv")) == "good", "the month a killed run was writing is intact")

            try ReportPublisher.publish(Self.files("september"), month: BillingMonth("2026-09")!, outDirectory: out)
            #expect(try Self.entries(out) == ["2026-08", "2026-09", "2026-10", "index.html"])
            #expect(Self.read(out.appendingPathComponent("2026-08/retail.csv")) == "august", "the set-aside month is back")
            let index = Self.read(out.appendingPathComponent("index.html"))
            #expect(index.contains("2026-08/index.html") && !index.contains("tmp") && !index.contains("old-"))
        }
    }

    @Test("an unwritable output folder is an error naming the path, and the month folder is untouched")
    func unwritable() throws {
        guard getuid() != 0 else { return } // root writes through permissions: nothing to observe
        try Self.withOutput { out in
            let month = ReportFixture.month
            try ReportPublisher.publish(Self.files("good"), month: month, outDirectory: out)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: out.path)
            do {
                try ReportPublisher.publish(Self.files("bad"), month: month, outDirectory: out)
                Issue.record("publishing into a read-only folder succeeded")
            } catch let error as PublishError {
                #expect(error.description.contains(out.path))
            }
            #expect(Self.read(out.appendingPathComponent("2026-10/retail.csv")) == "good")
        }
    }

    @Test("a file name with a path is refused")
    func refusesPaths() throws {
        try Self.withOutput { out in
            #expect(throws: PublishError.self) {
                try ReportPublisher.publish([ReportFile(name: "../escape.html", data: Data())], month: ReportFixture.month, outDirectory: out)
            }
            #expect(!FileManager.default.fileExists(atPath: out.deletingLastPathComponent().appendingPathComponent("escape.html").path))
        }
    }
}

extension PublisherTests {
    @Test("an output folder that cannot be created is an error naming the path")
    func cannotCreate() throws {
        try Self.withOutput { out in
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let file = out.appendingPathComponent("not-a-folder")
            try Data("x".utf8).write(to: file)
            do {
                try ReportPublisher.publish(Self.files("x"), month: ReportFixture.month, outDirectory: file)
                Issue.record("publishing under a file succeeded")
            } catch let error as PublishError {
                #expect(error.description.contains(file.path))
            }
        }
    }
}
