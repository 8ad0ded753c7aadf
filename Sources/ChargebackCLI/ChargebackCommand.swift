import ArgumentParser
import ChargebackBuildInfo
import Foundation

/// The `chargeback` command line: subcommands as nested types, logic in the libraries.
public struct ChargebackCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chargeback",
        abstract: "Monthly per-business-unit chargeback reports for Amazon Quick and Athena.",
        discussion: "Exit codes: 0 complete, 1 failed, 2 usage or configuration error, 3 partial.",
        version: ChargebackVersion.description,
        subcommands: [ReportCommand.self, CollectCommand.self, RenderCommand.self, CheckCommand.self, DiscoverCommand.self, InitCommand.self]
    )
    public init() {}
}

/// The exit codes the README lists, one meaning each for scripts.
public enum ChargebackExitCode {
    public static let complete: Int32 = 0
    public static let failed: Int32 = 1
    public static let usage: Int32 = 2
    public static let partial: Int32 = 3
}

/// The entry point: like `ChargebackCommand.main()`, but usage errors exit with 2 (argument
/// parser's default is 64) so scripts see one code for every usage or configuration mistake.
public enum ChargebackMain {
    public static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        StandardOutput.guardDescriptor()
        let command: any ParsableCommand
        do {
            command = try ChargebackCommand.parseAsRoot(arguments)
        } catch {
            exit(for: error)
        }
        // The command runs as a task that a signal cancels, so it can stop cleanly.
        Interruption.shared.install()
        // A file size limit (ulimit -f) then fails the write with EFBIG, reported like a full disk,
        // instead of killing the process halfway through a month.
        signal(SIGXFSZ, SIG_IGN)
        let box = CommandBox(command: command)
        let work = Task { try await box.run() }
        Interruption.shared.onInterrupt { work.cancel() }
        let result = await work.result
        if let signal = Interruption.shared.received { exitInterrupted(by: signal, finished: (try? result.get()) != nil) }
        switch result {
        case .success: Foundation.exit(ChargebackExitCode.complete)
        case .failure(let error): exit(for: error)
        }
    }

    private static func exit(for error: any Error) -> Never {
        switch error {
        case let exitCode as ExitCode:
            Foundation.exit(exitCode.rawValue)
        case let failure as CommandFailure:
            FileHandle.standardError.write(Data("chargeback: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode)
        default:
            let code = ChargebackCommand.exitCode(for: error)
            let message = ChargebackCommand.fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(ChargebackExitCode.complete)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? ChargebackExitCode.usage : code.rawValue)
        }
    }

    /// One line, then 128 + the signal: what was finished is kept, nothing half-written is left.
    private static func exitInterrupted(by signal: Int32, finished: Bool) -> Never {
        let state = finished
            ? "the command had finished its work"
            : "finished work is kept (store writes are transactions; a month is published whole or not at all); "
                + "run the command again to go on"
        Interruption.writeError("chargeback: stopped by \(Interruption.name(signal)): \(state)")
        Foundation.exit(Interruption.exitStatus(signal))
    }
}

/// A parsed command handed to the task that runs it (the parser's types are not `Sendable`;
/// the command is used by that task alone).
private struct CommandBox: @unchecked Sendable {
    var command: any ParsableCommand

    func run() async throws {
        var command = command
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }
}
