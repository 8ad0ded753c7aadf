import AWSSandbox
import ChargebackCore
import ChargebackReports
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// One writer per reports folder, and SIGINT/SIGTERM stopping a command cleanly.
@Suite("Two writers of one --out, and signals", .serialized, .timeLimit(.minutes(3)))
struct OutputLockAndSignalTests {
    static let month = BillingMonth.previous(to: Date())

    /// A folder with the sample configuration and a store holding the sample month.
    static func collectedFolder() async throws -> URL {
        try await collectedSampleFolder(month: month)
    }

    static func render(_ folder: URL, out: String, _ extra: [String] = []) async throws -> CommandRun {
        try await CLI.run(["render", "--config", "chargeback.yaml", "--month", month.text, "--store", "s.sqlite",
                           "--out", out] + extra, in: folder)
    }

    /// The folder's entries but the writers' lock file.
    static func entries(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
            .filter { $0 != OutputFolderLock.fileName }.sorted()
    }

    /// Starts `flock` holding the folder's lock until it is killed, and waits until it does.
    static func holdLock(of out: URL) async throws -> Process {
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        // -o: flock alone holds the lock (not its `sleep`), so killing flock lets go of it.
        holder.arguments = ["-x", "-o", out.appendingPathComponent(OutputFolderLock.fileName).path, "sleep", "60"]
        try holder.run()
        for _ in 0..<500 {
            guard let probe = try OutputFolderLock.tryAcquire(out) else { return holder }
            probe.release()
            try await Task.sleep(for: .milliseconds(10))
        }
        holder.terminate()
        throw CancellationError()
    }

    @Test("render refuses an --out another process is writing (exit 1, nothing written); with --wait it waits its turn")
    func busyOutput() async throws {
        let folder = try await Self.collectedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("reports")
        let holder = try await Self.holdLock(of: out)
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }

        let refused = try await Self.render(folder, out: "reports")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("another chargeback is writing \(out.path)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--wait"))
        #expect(Self.entries(out).isEmpty)

        let waiting = Task { try await Self.render(folder, out: "reports", ["--wait"]) }
        try await Task.sleep(for: .milliseconds(500))
        kill(holder.processIdentifier, SIGKILL)
        let waited = try await waiting.value
        #expect(waited.status == 0, "\(waited.stderr)")
        #expect(Self.entries(out) == [Self.month.text, "index.html"])
    }

    @Test("two renders of one --out at once: each publishes a whole month or says the folder is busy")
    func concurrentRenders() async throws {
        let folder = try await Self.collectedFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try await Self.render(folder, out: "reference")
        try #require(reference.status == 0, "\(reference.stderr)")
        let expected = Self.entries(folder.appendingPathComponent("reference/\(Self.month.text)"))
        for round in 0..<6 {
            let out = "out-\(round)"
            async let first = Self.render(folder, out: out)
            async let second = Self.render(folder, out: out)
            let runs = try await [first, second]
            #expect(runs.contains { $0.status == 0 }, "round \(round): \(runs.map(\.stderr))")
            for run in runs where run.status != 0 {
                #expect(run.status == 1 && run.stderr.contains("another chargeback is writing"), "round \(round): \(run.stderr)")
            }
            let published = folder.appendingPathComponent(out)
            #expect(Self.entries(published) == [Self.month.text, "index.html"], "round \(round)")
            #expect(Self.entries(published.appendingPathComponent(Self.month.text)) == expected, "round \(round)")
        }
    }

    @Test("SIGTERM or SIGINT during a collect: one line, the run recorded as stopped, exit 143 or 130",
          arguments: [SIGTERM, SIGINT])
    func signalStopsCollect(signal: Int32) async throws {
        let slow = try await SampleSandbox.start(faults: "latency=150ms")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let storePath = folder.appendingPathComponent("s.sqlite").path
        let run = try await Self.runStopped(by: signal, arguments: [
            "collect", "--config", "chargeback.yaml", "--month", Self.month.text, "--store", storePath, "--quiet",
            "--concurrency", "1"], environment: slow.environment, in: folder, storePath: storePath)
        await slow.stop()
        let name = signal == SIGTERM ? "SIGTERM" : "SIGINT"
        #expect(run.status == 128 + signal, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.filter { $0.contains("stopped by \(name)") }.count == 1, "\(run.stderr)")
        let recorded = try #require(try ChargebackStore(path: storePath).runs().first)
        #expect(recorded.endedAt != nil)
        #expect(recorded.stoppedBy == name)
        #expect(recorded.outcomes.contains { $0.error?.contains("not finished: stopped by \(name)") == true })
    }

    @Test("SIGTERM during a report's collect: exit 143, no month published, no temporary folder left")
    func signalStopsReport() async throws {
        let slow = try await SampleSandbox.start(faults: "latency=150ms")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let storePath = folder.appendingPathComponent("s.sqlite").path
        let run = try await Self.runStopped(by: SIGTERM, arguments: [
            "report", "--config", "chargeback.yaml", "--month", Self.month.text, "--store", storePath, "--out", "reports",
            "--quiet", "--concurrency", "1"], environment: slow.environment, in: folder, storePath: storePath)
        await slow.stop()
        #expect(run.status == 143, "\(run.stderr)")
        #expect(Self.entries(folder.appendingPathComponent("reports")).isEmpty)
    }

    /// Runs the CLI and sends `signal` once its store holds the first executions; its result.
    static func runStopped(by signal: Int32, arguments: [String], environment: [String: String], in folder: URL,
                           storePath: String) async throws -> CommandRun {
        let errURL = folder.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin", "HOME": folder.path,
                                                   "AWS_CONFIG_FILE": "/nonexistent",
                                                   "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
                                                   "AWS_EC2_METADATA_DISABLED": "true"]) { $1 }
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        var signalled = false
        for _ in 0..<3_000 where process.isRunning {
            try await Task.sleep(for: .milliseconds(10))
            if let store = try? ChargebackStore(path: storePath), (try? store.executionCount()) ?? 0 > 0 {
                kill(process.processIdentifier, signal)
                signalled = true
                break
            }
        }
        for _ in 0..<6_000 where process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try err.close()
        try #require(signalled, "the command ended before it could be signalled")
        return CommandRun(status: process.terminationStatus, stdout: "",
                          stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
