import AWSSandbox
import ChargebackCore
import ChargebackTestSupport
import Foundation
import Testing

/// A month is final only when it is over and its Athena history reaches its end. The sample
/// organisation is collected on 25 May 2026 (the sandbox's clock frozen there, the tool's pinned
/// with CHARGEBACK_NOW), then rendered on that day and after the month has ended.
@Suite("Month to date and history coverage", .serialized, .timeLimit(.minutes(2)))
struct MonthCompletenessTests {
    static let collectedAt = "2026-05-25T12:00:00Z"
    static let afterTheMonth = "2026-06-10T12:00:00Z"

    /// A folder with the sample configuration and a store collected for May 2026 on the 25th.
    func collectedOnThe25th() async throws -> URL {
        let instant = try #require(ISO8601DateFormatter().date(from: Self.collectedAt))
        let folder = try temporaryDirectory()
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        try await SandboxHarness.with(scenario: SandboxScenarios.sample(now: instant), frozenClock: true) { sandbox in
            let run = try await CLI.run(["collect", "--config", "chargeback.yaml", "--store", "s.sqlite", "--month", "2026-05",
                                         "--quiet"], environment: sandbox.environment.merging(["CHARGEBACK_NOW": Self.collectedAt]) { $1 },
                                        in: folder)
            try #require(run.status == 0, "\(run.stdout)\(run.stderr)")
        }
        return folder
    }

    func render(_ folder: URL, at instant: String, out: String) async throws -> (run: CommandRun, report: [String: Any]) {
        let run = try await CLI.run(["render", "--config", "chargeback.yaml", "--store", "s.sqlite", "--month", "2026-05",
                                     "--out", out], environment: ["CHARGEBACK_NOW": instant], in: folder)
        let json = try Data(contentsOf: folder.appendingPathComponent("\(out)/2026-05/report.json"))
        return (run, try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any]))
    }

    func notes(_ report: [String: Any], kind: String) -> [String] {
        (report["data_quality"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == kind }
            .compactMap { $0["message"] as? String }
    }

    @Test("the current month is month to date: partial, never final, with a note saying so")
    func currentMonthIsMonthToDate() async throws {
        let folder = try await collectedOnThe25th()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (run, report) = try await render(folder, at: Self.collectedAt, out: "today")
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(report["status"] as? String == "partial")
        #expect(report["cost_data_final"] as? Bool == false)
        let note = try #require(notes(report, kind: "month_to_date").first, "\(report["data_quality"] ?? [])")
        #expect(note.contains("May 2026 is not over"), "\(note)")
        let page = try String(contentsOf: folder.appendingPathComponent("today/2026-05/index.html"), encoding: .utf8)
        #expect(page.contains("Month to date"))
    }

    @Test("a closed month whose history stops on the 25th is partial, shows each workgroup's coverage and what to run")
    func historyEndingEarlyIsPartial() async throws {
        let folder = try await collectedOnThe25th()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (run, report) = try await render(folder, at: Self.afterTheMonth, out: "later")
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(report["status"] as? String == "partial")
        let gaps = notes(report, kind: "history_gap")
        // Every business unit was collected on the 25th; Athena keeps 45 days, so until 9 July.
        for unit in ["retail", "invest", "risk"] {
            let note = try #require(gaps.first { $0.hasPrefix("\(unit)'s") }, "\(gaps)")
            #expect(note.contains("2026-05-25"), "\(note)")
            #expect(note.contains("chargeback collect --month 2026-05"), "\(note)")
            #expect(note.contains("until 2026-07-09"), "\(note)")
        }
        let units = try #require(report["business_units"] as? [[String: Any]])
        let retail = try #require(units.first { $0["id"] as? String == "retail" })
        let coverage = try #require(retail["history_coverage"] as? [[String: Any]], "\(retail.keys.sorted())")
        #expect(!coverage.isEmpty)
        for workgroup in coverage {
            #expect((workgroup["covered_to"] as? String)?.hasPrefix("2026-05-25") == true, "\(workgroup)")
            #expect(workgroup["covers_month"] as? Bool == false, "\(workgroup)")
        }
        let page = try String(contentsOf: folder.appendingPathComponent("later/2026-05/retail.html"), encoding: .utf8)
        #expect(page.contains("Query history collected"), "the business unit page shows the coverage")
    }

    @Test("when the months index cannot be written after the month was published, the message says exactly that (exit 3)")
    func monthsIndexFailure() async throws {
        let folder = try await collectedOnThe25th()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder where the months index should go: renaming the new index over it fails.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out/index.html"), withIntermediateDirectories: true)
        let run = try await CLI.run(["render", "--config", "chargeback.yaml", "--store", "s.sqlite", "--month", "2026-05",
                                     "--out", "out"], environment: ["CHARGEBACK_NOW": Self.afterTheMonth], in: folder)
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        let month = folder.appendingPathComponent("out/2026-05")
        #expect(FileManager.default.fileExists(atPath: month.appendingPathComponent("report.json").path))
        #expect(run.stderr.contains("the reports for May 2026 were written to \(month.path)"), "\(run.stderr)")
        #expect(run.stderr.contains("the months index \(folder.appendingPathComponent("out/index.html").path) was not updated"),
                "\(run.stderr)")
        #expect(!run.stderr.contains("nothing written"))
    }
}
