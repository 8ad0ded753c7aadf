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

    @Test("every answer slow past the run's --timeout: the accounts still running are named, nothing half-written, exit 1 or 3")
    func slowPastTheDeadline() async throws {
        let slow = try await Self.run(faults: "latency=2s", extraCollectArguments: ["--timeout", "6"])
        #expect([1, 3].contains(slow.collect.status), "\(slow.collect.stderr)")
        #expect(slow.collect.stdout.contains("not finished before the run's deadline (--timeout)"), "\(slow.collect.stdout)")
        #expect(!slow.collect.stdout.contains("CancellationError"), "\(slow.collect.stdout)")
        // What was collected renders with what was not named first; nothing usable: no report.
        #expect([1, 3].contains(slow.render.status), "\(slow.render.stderr)")
    }
}
