import AWSSandbox
import ChargebackCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What broke when the tool was probed from outside: stalls, unwritable output, `init --force`
/// on things that are not files, messages, and a currency Cost Explorer does not answer in.
@Suite("CLI robustness", .serialized, .timeLimit(.minutes(1)))
struct CLIRobustnessTests {
    func sampleConfig(in directory: URL, text: String = SampleConfig.text) throws -> String {
        let path = directory.appendingPathComponent("chargeback.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a stalled endpoint fails check with a timeout instead of hanging")
    func stalledEndpointFailsCheck() async throws {
        let endpoint = try StallingEndpoint()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try sampleConfig(in: directory)
        let run = try await CLI.run(["check", "--config", path, "--stall-timeout", "1"], environment: endpoint.environment)
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("FAIL timedOut"), "\(run.stdout)")
        #expect(run.stdout.contains("0 of 4 passed"))
    }

    @Test("the --timeout deadline stops check and says what did not finish")
    func deadlineReportsUnfinishedRows() async throws {
        let endpoint = try StallingEndpoint()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try sampleConfig(in: directory)
        let run = try await CLI.run(["check", "--config", path, "--timeout", "2", "--stall-timeout", "30"], environment: endpoint.environment)
        #expect(run.status == 1)
        #expect(run.stderr.contains("check stopped after its 2 s --timeout"), "\(run.stderr)")
        #expect(run.stderr.contains("not finished: retail, invest, risk, (central)"), "\(run.stderr)")
    }

    @Test("discover stops at its --timeout too")
    func discoverHasADeadline() async throws {
        let endpoint = try StallingEndpoint()
        let run = try await CLI.run(["discover", "--timeout", "2", "--stall-timeout", "30"], environment: endpoint.environment)
        #expect(run.status == 1)
        #expect(run.stderr.contains("discover stopped after its 2 s --timeout: nothing was finished"), "\(run.stderr)")
    }

    /// With every answer 2 s late and one BU at a time, retail and the central row (checked
    /// alongside) finish well before the 15 s deadline; invest cannot (about 18 s in all).
    @Test("the --timeout deadline prints the rows that finished and names the others")
    func deadlinePrintsFinishedRows() async throws {
        let sandbox = try await SampleSandbox.start(faults: "latency=2s")
        defer { Task { await sandbox.stop() } }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try sampleConfig(in: directory)
        let run = try await CLI.run(["check", "--config", path, "--concurrency", "1", "--timeout", "15"], environment: sandbox.environment)
        #expect(run.status == 1)
        #expect(run.stderr.contains("check stopped after its 15 s --timeout: 2 of 4 rows finished; not finished: invest, risk"), "\(run.stderr)")
        #expect(run.stdout.contains("2 of 2 passed"), "\(run.stdout)")
        #expect(run.stdout.split(separator: "\n").contains { $0.hasPrefix("retail ") })
    }

    @Test("output that cannot be written fails the command")
    func unwritableOutputIsAnError() async throws {
        let sandbox = try await SampleSandbox.start()
        defer { Task { await sandbox.stop() } }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try sampleConfig(in: directory)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }

        let toFull = try await CLI.run(["check", "--config", path], environment: sandbox.environment, standardOutput: full)
        #expect(toFull.status == 1)
        #expect(toFull.stderr.contains("cannot write the output to standard output: No space left on device"), "\(toFull.stderr)")
        let closed = try await CLI.run(["check", "--config", path], environment: sandbox.environment, closedStandardOutput: true)
        #expect(closed.status == 1)
        #expect(closed.stderr.contains("cannot write the output to standard output: standard output is closed or not writable"), "\(closed.stderr)")
        let initToFull = try await CLI.run(["init", "-"], standardOutput: full)
        #expect(initToFull.status == 1)
    }

    @Test("init --force refuses directories, FIFOs and devices, and never replaces a link")
    func initForceWritesOnlyRegularFiles() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("a-folder").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let fifo = directory.appendingPathComponent("a-fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        var targets = [(folder, "a directory"), (fifo, "a FIFO (named pipe)")]
        let device = directory.appendingPathComponent("a-device").path
        if mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 { targets.append((device, "a character device")) }

        for (path, kind) in targets {
            let run = try await CLI.run(["init", "--force", path])
            #expect(run.status == 1, "\(path)")
            #expect(run.stderr.contains("is \(kind), not a regular file"), "\(run.stderr)")
            var info = stat()
            #expect(lstat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG, "\(path) is still what it was")
        }

        let real = directory.appendingPathComponent("real.yaml").path
        try "old: true\n".write(toFile: real, atomically: true, encoding: .utf8)
        let link = directory.appendingPathComponent("link.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        #expect(try await CLI.run(["init", "--force", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == SampleConfig.text)

        let dangling = directory.appendingPathComponent("dangling.yaml").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: directory.appendingPathComponent("gone").path)
        let refused = try await CLI.run(["init", "--force", dangling])
        #expect(refused.status == 1)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dangling).hasSuffix("gone"))
    }

    @Test("init's failures read as sentences")
    func initFailuresAreSentences() async throws {
        let run = try await CLI.run(["init", "/nonexistent-folder-\(UUID().uuidString)/chargeback.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("does not exist"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain") && !run.stderr.contains("error 512"))
    }

    @Test("a directory or FIFO given as the configuration says so, and long values are cut")
    func configurationMessages() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("config-fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let asDirectory = try await CLI.run(["check", "--config", directory.path])
        #expect(asDirectory.status == 2)
        #expect(asDirectory.stderr.contains("is a directory, not a configuration file"), "\(asDirectory.stderr)")
        let asFIFO = try await CLI.run(["check", "--config", fifo])
        #expect(asFIFO.status == 2)
        #expect(asFIFO.stderr.contains("is a FIFO (named pipe), not a configuration file"), "\(asFIFO.stderr)")

        let huge = String(repeating: "X", count: 1_000_000)
        let path = try sampleConfig(in: directory, text: SampleConfig.text.replacingOccurrences(of: "currency: USD", with: "currency: \(huge)"))
        let run = try await CLI.run(["check", "--config", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("'" + String(repeating: "X", count: 80) + "…'"), "\(run.stderr.prefix(300))")
        #expect(run.stderr.count < 2_000)
    }

    @Test("check fails an account whose costs come in another unit than the configured currency")
    func currencyMismatchFailsTheAccount() async throws {
        var scenario = SandboxScenarios.sample(now: Date())
        let invest = try #require(scenario.accounts.firstIndex { $0.id == "333333333333" })
        scenario.accounts[invest].currency = "EUR"
        let sandbox = try await SampleSandbox.start(scenario: scenario)
        defer { Task { await sandbox.stop() } }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try sampleConfig(in: directory)
        let run = try await CLI.run(["check", "--config", path], environment: sandbox.environment)
        #expect(run.status == 1)
        #expect(try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("invest ") }).contains("FAIL CurrencyMismatch"))
        #expect(run.stdout.contains("invest: Cost Explorer: CurrencyMismatch: Cost Explorer answers this account's costs in EUR, but currency is USD"))
        #expect(run.stdout.contains("3 of 4 passed"))
    }
}
