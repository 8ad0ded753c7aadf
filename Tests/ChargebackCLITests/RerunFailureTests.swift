import AWSSandbox
import ChargebackCore
import Foundation
import Testing

/// A collect that fails for one business unit after an earlier good one does not wipe that unit's
/// month: the report keeps the earlier figures and says first where they come from.
@Suite("A failed re-run keeps the last good figures", .timeLimit(.minutes(3)))
struct RerunFailureTests {
    static let month = BillingMonth.previous(to: Date())

    static func summaryRow(_ folder: URL, out: String, unit: String) throws -> [String] {
        let csv = try String(contentsOf: folder.appendingPathComponent("\(out)/\(month.text)/summary.csv"), encoding: .utf8)
        let row = try #require(csv.split(separator: "\r\n").first { $0.split(separator: ",")[1] == unit })
        return row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("risk denied on a re-run: its figures stay those of the earlier collect, marked partial, with the reason first")
    func deniedRerunKeepsEarlierFigures() async throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let collect = ["collect", "--config", "chargeback.yaml", "--month", Self.month.text, "--store", "s.sqlite", "--quiet"]
        let render = ["render", "--config", "chargeback.yaml", "--month", Self.month.text, "--store", "s.sqlite"]

        let sandbox = try await SampleSandbox.start()
        let first = try await CLI.run(collect, environment: sandbox.environment, in: folder)
        await sandbox.stop()
        try #require(first.status == 0, "\(first.stderr)")
        let good = try await CLI.run(render + ["--out", "good"], in: folder)
        try #require(good.status == 0, "\(good.stderr)")

        let denying = try await SampleSandbox.start(faults: "deny_account=444444444444")
        let second = try await CLI.run(collect, environment: denying.environment, in: folder)
        await denying.stop()
        #expect(second.status == 3, "\(second.stderr)")

        let after = try await CLI.run(render + ["--out", "after"], in: folder)
        #expect(after.status == 3, "\(after.stderr)")
        let before = try Self.summaryRow(folder, out: "good", unit: "risk")
        let kept = try Self.summaryRow(folder, out: "after", unit: "risk")
        // Every amount (athena_billed … chargeback_total) is the earlier collect's; the status says partial.
        #expect(Array(kept[5..<16]) == Array(before[5..<16]))
        #expect(!kept[15].isEmpty)
        #expect(kept.last == "partial")
        let notes = try String(contentsOf: folder.appendingPathComponent("after/\(Self.month.text)/summary.md"), encoding: .utf8)
        #expect(notes.contains("keeps the figures of the earlier collect of"), "\(notes)")
        #expect(notes.contains("AccessDenied"), "\(notes)")
    }
}
