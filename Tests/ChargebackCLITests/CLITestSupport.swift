import AWSSandbox
import ChargebackCore
import ChargebackTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `chargeback` binary as a user would, with its own environment, and collects
/// its exit status, stdout and stderr.
struct CommandRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// The `chargeback` executable next to the test bundle in the build folder.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        for candidate in [directory, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("chargeback")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return directory.appendingPathComponent("chargeback")
    }

    /// `standardOutput`: where the command's stdout goes instead of a captured file (e.g. /dev/full);
    /// `closedStandardOutput`: start the command with descriptor 1 closed (`>&-`).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                    standardOutput: FileHandle? = nil, closedStandardOutput: Bool = false,
                    executable: URL = CLI.executable) async throws -> CommandRun {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        if closedStandardOutput {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" >&-", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        // A clean environment: nothing of the developer's AWS set-up leaks into a test.
        var env = ["PATH": "/usr/bin:/bin", "HOME": scratch.path,
                   "AWS_CONFIG_FILE": scratch.appendingPathComponent("config").path,
                   "AWS_SHARED_CREDENTIALS_FILE": scratch.appendingPathComponent("credentials").path,
                   "AWS_EC2_METADATA_DISABLED": "true"]
        env.merge(environment) { $1 }
        process.environment = env
        process.currentDirectoryURL = directory ?? scratch
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Foundation's waitUntilExit can hang on Linux from a concurrency thread: poll instead,
        // sleeping as a task so the wait holds no thread of the pool. A cancelled test kills the child.
        let deadline = ContinuousClock.now + .seconds(120)
        while process.isRunning && ContinuousClock.now < deadline {
            do { try await Task.sleep(for: .milliseconds(20)) } catch { break }
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try out.close()
        try err.close()
        return CommandRun(status: process.terminationStatus,
                          stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}

/// The sample organisation in the shared sandbox harness; `environment` points the CLI at it
/// with the sample reporter's sandbox-only keys.
struct SampleSandbox {
    let harness: SandboxHarness

    var server: SandboxServer { harness.server }
    var port: Int { harness.port }
    var environment: [String: String] { harness.environment }

    static func start(faults: String = "", scenario: Scenario = SandboxScenarios.sample(now: Date())) async throws -> SampleSandbox {
        SampleSandbox(harness: try await SandboxHarness.start(scenario: scenario, faults: faults))
    }

    func stop() async { await harness.stop() }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("chargeback-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A new folder holding the sample configuration (`chargeback.yaml`) and a store (`s.sqlite`) with
/// `month` collected cleanly from the sample organisation made for `now`.
func collectedSampleFolder(month: BillingMonth, now: Date = Date()) async throws -> URL {
    let sandbox = try await SampleSandbox.start(scenario: SandboxScenarios.sample(now: now))
    let folder = try temporaryDirectory()
    _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
    let collect = try await CLI.run(["collect", "--config", "chargeback.yaml", "--month", month.text, "--store", "s.sqlite",
                                     "--quiet"], environment: sandbox.environment, in: folder)
    await sandbox.stop()
    guard collect.status == 0 else { throw CollectFailed(stderr: collect.stderr) }
    return folder
}

struct CollectFailed: Error, CustomStringConvertible {
    var stderr: String
    var description: String { "the sample collect failed: \(stderr)" }
}
