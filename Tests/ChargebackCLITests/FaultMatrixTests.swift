import AWSSandbox
import ChargebackCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The fault matrix of docs/reliability.md: `collect` then `render` of the sample organisation
/// against each of the sandbox's faults, end to end, each with its outcome asserted. Transient
/// faults must not change a figure; a lasting one gives the exact partial outcome and exit code.
@Suite("Fault matrix: collect and render under the sandbox's faults", .serialized, .timeLimit(.minutes(10)))
struct FaultMatrixTests {
    /// One sample organisation for every run of the suite: its generated history and bill depend
    /// on the day it is made for, and a run after midnight must compare with the same data.
    static let now = Date()
    static let month = BillingMonth.previous(to: now)

    /// The CSV files of a published month, by name.
    typealias Published = [String: String]

    struct Outcome {
        var collect: CommandRun
        var render: CommandRun
        var files: Published
    }

    /// `collect` with `faults` into a new store, then `render` (no AWS call) of that store.
    static func run(faults: String, extraCollectArguments: [String] = []) async throws -> Outcome {
        let sandbox = try await SampleSandbox.start(faults: faults, scenario: SandboxScenarios.sample(now: now))
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let collect = try await CLI.run(["collect", "--config", "chargeback.yaml", "--month", month.text, "--store", "s.sqlite",
                                         "--quiet"] + extraCollectArguments, environment: sandbox.environment, in: folder)
        await sandbox.stop()
        let render = try await CLI.run(["render", "--config", "chargeback.yaml", "--month", month.text, "--store", "s.sqlite",
                                        "--out", "reports", "--quiet"], in: folder)
        let monthFolder = folder.appendingPathComponent("reports/\(month.text)")
        var files: Published = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: monthFolder.path)) ?? [] where name.hasSuffix(".csv") {
            files[name] = try String(contentsOf: monthFolder.appendingPathComponent(name), encoding: .utf8)
        }
        return Outcome(collect: collect, render: render, files: files)
    }

    /// One `summary.csv` row's cells, by business unit id.
    static func summaryRows(_ files: Published) -> [String: [String]] {
        var rows: [String: [String]] = [:]
        for line in (files["summary.csv"] ?? "").split(separator: "\r\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells.count > 2 { rows[cells[1]] = cells }
        }
        return rows
    }

    /// summary.csv columns athena_billed … consumer_total: the figures a unit's own account gives.
    static func consumerFigures(_ row: [String]?) -> [String] { Array((row ?? []).dropFirst(5).prefix(6)) }

    static let reference = ReferenceOutcome()

    /// The clean run every transient fault is compared with, made once.
    actor ReferenceOutcome {
        private var outcome: Outcome?
        func get() async throws -> Outcome {
            if let outcome { return outcome }
            let made = try await FaultMatrixTests.run(faults: "")
            outcome = made
            return made
        }
    }

    /// Each rate keeps the chance that one call meets a fault on all five of its attempts
    /// (rate⁵, over a few hundred calls) below one in a thousand, so the outcome is certain.
    @Test("transient faults change no figure: every CSV equals the clean run's, exit 0", arguments: [
        "throttle_rate=0.04,throttle_burst=2,seed=11",       // throttling storms shorter than the attempts
        "error_rate=0.08,seed=12",                           // 500 and 503 answers
        "reset_rate=0.08,seed=13",                           // connections reset
        "truncate_rate=0.08,seed=14",                        // bodies cut short
        "garble_rate=0.08,seed=15",                          // bodies garbled (STS's XML too)
        "expire_early=2,latency=20ms,seed=16",               // credentials expiring mid-run
        "error_rate=0.02,throttle_rate=0.01,reset_rate=0.01,truncate_rate=0.01,garble_rate=0.01,seed=17",
    ])
    func transientFaults(faults: String) async throws {
        let clean = try await Self.reference.get()
        try #require(clean.collect.status == 0 && clean.render.status == 0, "\(clean.collect.stderr)\(clean.render.stderr)")
        let faulted = try await Self.run(faults: faults)
        #expect(faulted.collect.status == 0, "\(faults): \(faulted.collect.stderr)")
        #expect(faulted.render.status == 0, "\(faults): \(faulted.render.stderr)")
        #expect(faulted.files.keys.sorted() == clean.files.keys.sorted())
        for (name, text) in clean.files {
            #expect(faulted.files[name] == text, "\(faults): \(name) differs from the clean run's")
        }
    }

    @Test("AccessDenied on one account: exit 3, that unit alone partial or failed, the others' own figures unchanged")
    func deniedAccount() async throws {
        let clean = try await Self.reference.get()
        let denied = try await Self.run(faults: "deny_account=444444444444")
        #expect(denied.collect.status == 3, "\(denied.collect.stderr)")
        #expect(denied.render.status == 3, "\(denied.render.stderr)")
        let rows = Self.summaryRows(denied.files)
        let cleanRows = Self.summaryRows(clean.files)
        #expect(["partial", "failed"].contains(rows["risk"]?.last))
        for unit in ["retail", "invest"] {
            #expect(rows[unit]?.last == "complete")
            #expect(Self.consumerFigures(rows[unit]) == Self.consumerFigures(cleanRows[unit]), "\(unit)")
        }
    }

    @Test("a role that lands in the wrong account: exit 3, that unit failed with no figures, nothing attributed to it")
    func wrongAccount() async throws {
        let clean = try await Self.reference.get()
        let wrong = try await Self.run(faults: "wrong_account=333333333333")
        #expect(wrong.collect.status == 3, "\(wrong.collect.stderr)")
        #expect(wrong.render.status == 3, "\(wrong.render.stderr)")
        let rows = Self.summaryRows(wrong.files)
        let cleanRows = Self.summaryRows(clean.files)
        #expect(rows["invest"]?.last == "failed")
        let investEmpty = Self.consumerFigures(rows["invest"]).allSatisfy { $0.isEmpty }
        #expect(investEmpty, "a failed unit's amounts are empty")
        for unit in ["retail", "risk"] {
            #expect(Self.consumerFigures(rows[unit]) == Self.consumerFigures(cleanRows[unit]), "\(unit)")
        }
    }

    @Test("the central account denied: Role A and Quick's costs both live there, every scope fails (exit 1), no report")
    func centralAccountDenied() async throws {
        let denied = try await Self.run(faults: "deny_account=111111111111")
        #expect(denied.collect.status == 1, "\(denied.collect.stderr)")
        let failed = denied.collect.stdout.split(separator: "\n").filter { $0.hasPrefix("failed: ") }
        #expect(failed.count == 4, "\(denied.collect.stdout)")
        #expect(failed.allSatisfy { $0.contains("AccessDenied") })
        #expect(denied.render.status == 1)
        #expect(denied.render.stderr.contains("nothing usable was collected"), "\(denied.render.stderr)")
        #expect(denied.files.isEmpty)
    }

    @Test("every answer slow past the run's --timeout: the accounts still running are named, nothing half-written, exit 1 or 3")
    func slowPastTheDeadline() async throws {
        let slow = try await Self.run(faults: "latency=2s", extraCollectArguments: ["--timeout", "6"])
        #expect([1, 3].contains(slow.collect.status), "\(slow.collect.stderr)")
        #expect(slow.collect.stdout.contains("not finished before the run's deadline (--timeout)"), "\(slow.collect.stdout)")
        #expect(!slow.collect.stdout.contains("CancellationError"), "\(slow.collect.stdout)")
        // What was collected renders with what was not named first; nothing usable: no report.
        #expect([1, 3].contains(slow.render.status), "\(slow.render.stderr)")
    }

    /// A folder with the sample configuration and a store of the suite's month, collected cleanly.
    static func collected() async throws -> URL {
        try await collectedSampleFolder(month: month, now: now)
    }

    static func render(in folder: URL, out: String, limitKilobytes: Int? = nil) async throws -> CommandRun {
        let arguments = ["render", "--config", "chargeback.yaml", "--month", month.text, "--store", "s.sqlite", "--out", out]
        guard let limitKilobytes else { return try await CLI.run(arguments, in: folder) }
        // The shell sets the file size limit, then becomes the command.
        let line = "ulimit -f \(limitKilobytes) && exec \"$0\" \"$@\""
        return try await CLI.run(["-c", line, CLI.executable.path] + arguments, in: folder,
                                 executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test("a disk that fills up (a file size limit) while a month is written: exit 1 naming the file, the previous month intact, nothing left behind")
    func fullDisk() async throws {
        let folder = try await Self.collected()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try await Self.render(in: folder, out: "reports")
        try #require(good.status == 0, "\(good.stderr)")
        let monthFolder = folder.appendingPathComponent("reports/\(Self.month.text)")
        let before = try String(contentsOf: monthFolder.appendingPathComponent("summary.csv"), encoding: .utf8)

        let full = try await Self.render(in: folder, out: "reports", limitKilobytes: 8)
        #expect(full.status == 1, "\(full.status): \(full.stderr)")
        #expect(full.stderr.contains("File too large"), "\(full.stderr)")
        #expect(full.stderr.contains(folder.appendingPathComponent("reports").path), "\(full.stderr)")
        #expect(try String(contentsOf: monthFolder.appendingPathComponent("summary.csv"), encoding: .utf8) == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("reports").path)
            .filter { $0.hasPrefix(".") && $0 != ".chargeback.lock" }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("an --out that is a symbolic link to a folder: the month lands in the folder, the link stays a link")
    func symlinkedOutput() async throws {
        let folder = try await Self.collected()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("real-reports")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("reports").path,
                                                   withDestinationPath: target.path)
        let run = try await Self.render(in: folder, out: "reports")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("\(Self.month.text)/summary.csv").path))
        let kind = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("reports").path)[.type]
        #expect(kind as? FileAttributeType == .typeSymbolicLink)
    }

    @Test("an --out that cannot be written (under /proc, refused even to root): exit 2 before anything, naming it")
    func unwritableOutput() async throws {
        let folder = try await Self.collected()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await Self.render(in: folder, out: "/proc/chargeback-reports")
        #expect(run.status == 2, "\(run.status): \(run.stderr)")
        #expect(run.stderr.contains("/proc/chargeback-reports"), "\(run.stderr)")
    }
}
