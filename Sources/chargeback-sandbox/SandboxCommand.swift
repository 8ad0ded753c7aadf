import ArgumentParser
import AWSSandbox
import ChargebackBuildInfo
import Dispatch
import Foundation

/// `chargeback-sandbox`: serves a scenario on 127.0.0.1 until SIGINT or SIGTERM.
@main
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chargeback-sandbox",
        abstract: "A loopback AWS emulator (STS, Athena, Cost Explorer, QuickSight) for demos and tests.",
        version: ChargebackVersion.description)

    @Option(help: "A scenario YAML file.")
    var scenario: String?

    @Flag(help: "Serve the built-in demo organisation.")
    var sample = false

    @Option(help: "Serve a generated organisation, e.g. accounts=200,queries=5000,workgroups=2,seed=7.")
    var synthetic: String?

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 0

    @Option(help: "API quotas: aws (AWS's rates) or off.")
    var quotas: SandboxOptions.QuotaMode = .aws

    @Option(help: "Faults to inject, e.g. latency=20ms,error_rate=0.05,throttle_rate=0.1,seed=42.")
    var faults: String = ""

    @Option(help: "Write the bound port to this file once listening.")
    var portFile: String?

    @Option(help: "Write shell variables (AWS_ENDPOINT_URL and the scenario's first IAM user's keys) to this file, for scripts and the demo.")
    var envFile: String?

    func validate() throws {
        let sources = [scenario != nil, sample, synthetic != nil].filter { $0 }.count
        guard sources == 1 else {
            throw ValidationError("Choose exactly one of --scenario FILE, --sample or --synthetic SPEC.")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        let plan: FaultPlan
        do { plan = try FaultPlan(parsing: faults) } catch { throw ValidationError(error.description) }
        let loaded = try loadScenario()
        let server = SandboxServer(scenario: loaded, options: SandboxOptions(quotas: quotas, faults: plan))
        let stop = SignalWaiter(signals: [SIGINT, SIGTERM])
        let boundPort = try await server.start(port: port)
        if let portFile {
            do {
                try "\(boundPort)\n".write(toFile: portFile, atomically: true, encoding: .utf8)
            } catch {
                try await server.stop()
                throw ValidationError("Cannot write the port to --port-file \(portFile): \(error.localizedDescription)")
            }
        }
        if let envFile {
            do {
                try Self.environmentFile(for: loaded, port: boundPort).write(toFile: envFile, atomically: true, encoding: .utf8)
            } catch {
                try await server.stop()
                throw ValidationError("Cannot write --env-file \(envFile): \(error.localizedDescription)")
            }
        }
        // Written unbuffered so a script waiting for this line sees it at once.
        FileHandle.standardOutput.write(Data("chargeback-sandbox listening on http://127.0.0.1:\(boundPort)\n".utf8))
        await stop.wait()
        try await server.stop()
    }

    /// `export` lines pointing the AWS SDK conventions at this sandbox. The keys are the scenario's
    /// own sandbox-only keys, never real credentials.
    static func environmentFile(for scenario: Scenario, port: Int) -> String {
        var lines = ["export AWS_ENDPOINT_URL='http://127.0.0.1:\(port)'", "export AWS_REGION='us-east-1'",
                     "export AWS_EC2_METADATA_DISABLED='true'"]
        if let user = scenario.accounts.lazy.flatMap(\.users).first {
            lines += ["export AWS_ACCESS_KEY_ID='\(user.accessKeyId)'", "export AWS_SECRET_ACCESS_KEY='\(user.secretAccessKey)'",
                      "unset AWS_SESSION_TOKEN AWS_PROFILE AWS_WEB_IDENTITY_TOKEN_FILE"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func loadScenario() throws -> Scenario {
        if let scenario {
            do { return try ScenarioLoader.load(contentsOf: URL(fileURLWithPath: scenario)) } catch { throw ValidationError(error.description) }
        }
        if let synthetic {
            do { return SandboxScenarios.synthetic(try SyntheticSpec(parsing: synthetic), now: Date()) } catch { throw ValidationError(error.description) }
        }
        return SandboxScenarios.sample(now: Date())
    }
}

extension SandboxOptions.QuotaMode: ExpressibleByArgument {}

/// Turns SIGINT/SIGTERM into an awaitable event instead of killing the process.
final class SignalWaiter {
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Void>

    init(signals: [Int32]) {
        let (stream, continuation) = AsyncStream<Void>.makeStream()
        self.stream = stream
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
    }

    func wait() async {
        for await _ in stream { return }
    }
}
