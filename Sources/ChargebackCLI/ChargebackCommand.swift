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
        do {
            var command = try ChargebackCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(ChargebackExitCode.complete)
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("chargeback: \(failure.message)\n".utf8))
            exit(failure.exitCode)
        } catch {
            let code = ChargebackCommand.exitCode(for: error)
            let message = ChargebackCommand.fullMessage(for: error)
            if code == .success {
                print(message)
                exit(ChargebackExitCode.complete)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            exit(code == .validationFailure ? ChargebackExitCode.usage : code.rawValue)
        }
    }
}
