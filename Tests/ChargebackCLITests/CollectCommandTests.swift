import AWSSandbox
import ChargebackCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("chargeback collect end to end", .timeLimit(.minutes(3)))
struct CollectCommandTests {
    static let month = BillingMonth.previous(to: Date())

    @Test("a denied account fails alone: one line says which and why, the others are stored, exit 3")
    func partialRunExitsThree() async throws {
        let sandbox = try await SampleSandbox.start(faults: "deny_account=444444444444")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let run = try await CLI.run(["collect", "--config", "chargeback.yaml", "--month", Self.month.text, "--store", "s.sqlite"],
                                    environment: sandbox.environment, in: folder)
        await sandbox.stop()
        #expect(run.status == 3, "\(run.stderr)")
        let failures = run.stdout.split(separator: "\n").filter { $0.hasPrefix("failed:") }
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("failed: risk: ") == true)
        #expect(failures.first?.contains("AccessDenied") == true)
        #expect(run.stdout.contains("Cost Explorer: "))
        #expect(!run.stdout.contains(SandboxScenarios.sampleReporterSecretAccessKey))
        #expect(!run.stderr.contains(SandboxScenarios.sampleReporterSecretAccessKey))
        let store = try ChargebackStore(path: folder.appendingPathComponent("s.sqlite").path)
        #expect(try !store.executions(accountId: "222222222222", regions: ["us-east-1"], month: Self.month).isEmpty)
        #expect(try store.executions(accountId: "444444444444", regions: ["us-east-1", "eu-west-1"], month: Self.month).isEmpty)
    }

    @Test("without base credentials a collect says so once, before any account, and exits 1")
    func noCredentials() async throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let run = try await CLI.run(["collect", "--config", "chargeback.yaml", "--store", "s.sqlite",
                                     "--endpoint-url", "http://127.0.0.1:9"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("collect: no base credentials"), "\(run.stderr)")
        #expect(!run.stdout.contains("failed: "))
    }

    @Test("bad arguments are usage errors (exit 2) before any call")
    func usageErrors() async throws {
        for arguments in [["--month", "2026-13"], ["--since", "2026-02-30"], ["--month", "2026-10", "--since", "2026-10-01"],
                          ["--concurrency", "0"], ["--since", "2999-01-01"]] {
            let run = try await CLI.run(["collect", "--config", "missing.yaml"] + arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
        }
    }

    @Test("a collect killed with SIGKILL halfway leaves a store the next collect completes, without duplicates")
    func killedCollectIsCompletedByTheNext() async throws {
        let slow = try await SampleSandbox.start(faults: "latency=150ms")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let storePath = folder.appendingPathComponent("s.sqlite").path
        // One unit listing at a time: the first unit's results are stored well before the last one's.
        let arguments = ["collect", "--config", "chargeback.yaml", "--month", Self.month.text, "--store", storePath, "--quiet",
                         "--concurrency", "1"]

        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.environment = slow.environment.merging(["PATH": "/usr/bin:/bin", "HOME": folder.path,
                                                        "AWS_CONFIG_FILE": "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
                                                        "AWS_EC2_METADATA_DISABLED": "true"]) { $1 }
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once some business unit's results are in, before the run has ended.
        var killedMidway = false
        for _ in 0..<1_000 where process.isRunning {
            try await Task.sleep(for: .milliseconds(10))
            if let store = try? ChargebackStore(path: storePath), (try? store.executionCount()) ?? 0 > 0 {
                kill(process.processIdentifier, SIGKILL)
                killedMidway = true
                break
            }
        }
        while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        await slow.stop()
        try #require(killedMidway, "the collect finished before it could be killed")
        let store = try ChargebackStore(path: storePath)
        #expect(try store.runs().first?.endedAt == nil, "the killed run should have no end")

        let sandbox = try await SampleSandbox.start()
        let second = try await CLI.run(arguments, environment: sandbox.environment, in: folder)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        // A fresh collect into an empty store is the reference.
        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        let reference = try await CLI.run(["collect", "--config", "chargeback.yaml", "--month", Self.month.text, "--store", fresh,
                                           "--quiet"], environment: sandbox.environment, in: folder)
        await sandbox.stop()
        #expect(reference.status == 0)
        let expected = try ChargebackStore(path: fresh)
        let config = try ConfigLoader.load(path: folder.appendingPathComponent("chargeback.yaml").path)
        for unit in config.businessUnits {
            let got = try store.executions(accountId: unit.accountId, regions: unit.regions, month: Self.month)
            let want = try expected.executions(accountId: unit.accountId, regions: unit.regions, month: Self.month)
            #expect(got.count == want.count, "\(unit.id)")
            #expect(Set(got.map(\.id)) == Set(want.map(\.id)), "\(unit.id)")
            #expect(try store.costLines(accountId: unit.accountId, month: Self.month, metric: config.costMetric.rawValue,
                                        kind: .consumer).count
                    == expected.costLines(accountId: unit.accountId, month: Self.month, metric: config.costMetric.rawValue,
                                          kind: .consumer).count)
        }
    }

    @Test("a collect past its --timeout stops the accounts still running, says which, records the run and exits")
    func deadlineStopsTheCollect() async throws {
        // Every answer takes 1.5 s: no account gets through its role chain within 2 s.
        let slow = try await SampleSandbox.start(faults: "latency=1500ms")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let run = try await CLI.run(["collect", "--config", "chargeback.yaml", "--month", Self.month.text, "--store", "s.sqlite",
                                     "--timeout", "2", "--quiet"], environment: slow.environment, in: folder)
        await slow.stop()
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").filter { $0.hasPrefix("failed: ") }
        #expect(lines.count == 4, "\(run.stdout)")
        #expect(lines.allSatisfy { $0.contains("not finished before the run's deadline (--timeout)") })
        let store = try ChargebackStore(path: folder.appendingPathComponent("s.sqlite").path)
        let recorded = try #require(try store.runs().first)
        #expect(recorded.endedAt != nil)
        #expect(recorded.outcomes.count == 4)
        #expect(recorded.outcomes.allSatisfy { $0.status == .failed })
    }

    @Test("a collect stopped by its deadline keeps the executions it fetched, says so, and the next run fetches only the rest")
    func deadlineKeepsWhatWasFetched() async throws {
        let slow = try await SampleSandbox.start(faults: "latency=100ms")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        let arguments = ["collect", "--config", "chargeback.yaml", "--month", Self.month.text, "--store", "s.sqlite",
                         "--concurrency", "1"]
        let stopped = try await CLI.run(arguments + ["--timeout", "4"], environment: slow.environment, in: folder)
        await slow.stop()
        #expect([1, 3].contains(stopped.status), "\(stopped.stdout)\(stopped.stderr)")
        let store = try ChargebackStore(path: folder.appendingPathComponent("s.sqlite").path)
        let kept = try store.executionCount()
        try #require(kept > 0, "nothing was fetched before the deadline: \(stopped.stdout)")
        #expect(stopped.stdout.contains("executions were stored, the next run goes on from there"), "\(stopped.stdout)")
        #expect(!stopped.stdout.contains("CancellationError"), "\(stopped.stdout)")

        let sandbox = try await SampleSandbox.start()
        let next = try await CLI.run(arguments, environment: sandbox.environment, in: folder)
        let nextBatchGets = Self.batchGets(sandbox)
        await sandbox.stop()
        #expect(next.status == 0, "\(next.stdout)\(next.stderr)")

        let fresh = try await SampleSandbox.start()
        let reference = try await CLI.run(["collect", "--config", "chargeback.yaml", "--month", Self.month.text,
                                           "--store", "fresh.sqlite"], environment: fresh.environment, in: folder)
        let freshBatchGets = Self.batchGets(fresh)
        await fresh.stop()
        #expect(reference.status == 0)
        #expect(nextBatchGets < freshBatchGets, "the stored executions were fetched again")
        #expect(try store.executionCount() == (try ChargebackStore(path: folder.appendingPathComponent("fresh.sqlite").path)
            .executionCount()))
    }

    /// BatchGetQueryExecution calls the sandbox answered, over the sample's accounts.
    static func batchGets(_ sandbox: SampleSandbox) -> Int {
        ["222222222222", "333333333333", "444444444444"].reduce(0) { total, account in
            total + sandbox.server.counters.requests(service: "athena", operation: "BatchGetQueryExecution", account: account)
        }
    }
}
