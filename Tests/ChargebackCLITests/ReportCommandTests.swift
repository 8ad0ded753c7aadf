import AWSSandbox
import ChargebackCore
import Foundation
import Testing

@Suite("chargeback report and render end to end", .timeLimit(.minutes(3)))
struct ReportCommandTests {
    static let month = BillingMonth.previous(to: Date())

    @Test("a denied account: the reports are written, say so on their first screen, and the run exits 3")
    func partialReportExitsThree() async throws {
        let sandbox = try await SampleSandbox.start(faults: "deny_account=444444444444")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let run = try await CLI.run(["report", "--config", "chargeback.yaml", "--month", Self.month.text,
                                     "--store", "s.sqlite", "--out", "out"], environment: sandbox.environment, in: folder)
        await sandbox.stop()
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("failed: risk: "))
        let monthFolder = folder.appendingPathComponent("out/\(Self.month.text)")
        #expect(run.stdout.contains(monthFolder.appendingPathComponent("index.html").path))
        let index = try String(contentsOf: monthFolder.appendingPathComponent("index.html"), encoding: .utf8)
        let attention = try #require(index.range(of: "Read this first"))
        let figures = try #require(index.range(of: "Total charged back"))
        #expect(attention.lowerBound < figures.lowerBound)
        #expect(index.contains("Risk Management") || index.contains("risk"))
        let summary = try String(contentsOf: monthFolder.appendingPathComponent("summary.csv"), encoding: .utf8)
        let risk = try #require(summary.split(separator: "\r\n").first { $0.contains(",risk,") })
        #expect(risk.hasSuffix(",failed"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/index.html").path))
        let mode = try FileManager.default.attributesOfItem(atPath: monthFolder.appendingPathComponent("summary.csv").path)[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o644)

        // Rendering again from the store needs no network and gives the same figures.
        let again = try await CLI.run(["render", "--config", "chargeback.yaml", "--month", Self.month.text,
                                       "--store", "s.sqlite", "--out", "again", "--format", "csv"], in: folder)
        #expect(again.status == 3, "\(again.stderr)")
        let rerendered = try String(contentsOf: folder.appendingPathComponent("again/\(Self.month.text)/summary.csv"), encoding: .utf8)
        #expect(rerendered == summary)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("again/\(Self.month.text)/index.html").path))
    }

    @Test("render refuses what it cannot do: a month never collected (exit 1), an unknown format (exit 2)")
    func renderRefusals() async throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let empty = try await CLI.run(["render", "--config", "chargeback.yaml", "--month", "2026-01", "--store", "s.sqlite"],
                                      in: folder)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("nothing has been collected for 2026-01"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/2026-01").path))
        let format = try await CLI.run(["render", "--config", "chargeback.yaml", "--format", "html,pdf"], in: folder)
        #expect(format.status == 2)
        #expect(format.stderr.contains("'pdf'"))
    }

    @Test("collect shows progress on stderr, and --quiet silences it")
    func progressLines() async throws {
        let sandbox = try await SampleSandbox.start()
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let loud = try await CLI.run(["collect", "--config", "chargeback.yaml", "--store", "s.sqlite"],
                                     environment: sandbox.environment, in: folder)
        let quiet = try await CLI.run(["collect", "--config", "chargeback.yaml", "--store", "s.sqlite", "--quiet"],
                                      environment: sandbox.environment, in: folder)
        await sandbox.stop()
        #expect(loud.status == 0 && quiet.status == 0)
        #expect(loud.stderr.contains("collect: 4/4 accounts done"), "\(loud.stderr)")
        #expect(!quiet.stderr.contains("collect: "))
        #expect(!loud.stderr.contains(SandboxScenarios.sampleReporterSecretAccessKey))
    }
}
