import Foundation

/// Credentials printed by a profile's `credential_process` command as JSON (`Version: 1`,
/// `AccessKeyId`, `SecretAccessKey`, optional `SessionToken` and `Expiration`). The command line is
/// split like botocore does and run without a shell; its standard error goes to ours so the user
/// sees the tool's own diagnostics, while its standard output (the secrets) is never quoted in errors.
public struct ProcessCredentialProvider: CredentialProvider {
    public let name = "ProcessCredentialProvider"
    public var profileName: String
    /// The profile's `credential_process`; nil when the profile has none.
    public var commandLine: String?
    /// The environment the command runs with, also searched for `PATH`.
    public var environment: [String: String]

    public init(profileName: String, commandLine: String?,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.profileName = profileName
        self.commandLine = commandLine
        self.environment = environment
    }

    /// Reads `credential_process` from the profile (either file; the credentials file wins).
    public init(profileName: String, files: SharedConfigFiles,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(profileName: profileName, commandLine: files.profile(profileName)?["credential_process"],
                  environment: environment)
    }

    public func credentials() async throws -> AWSCredentials {
        guard let commandLine, !commandLine.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw failure("profile '\(profileName)' has no credential_process", isTerminal: false)
        }
        let arguments: [String]
        do {
            arguments = try CommandLineSplitter.split(commandLine)
        } catch {
            throw failure("the credential_process of profile '\(profileName)' cannot be split into arguments: \(error); fix its quoting")
        }
        guard let command = arguments.first, !command.isEmpty else {
            throw failure("the credential_process of profile '\(profileName)' names no command")
        }
        guard let executable = resolveExecutable(command) else {
            throw failure("the credential_process of profile '\(profileName)' runs '\(command)', which is not an executable file or on PATH; install it or use its full path")
        }

        let outcome: ProcessOutcome
        do {
            outcome = try await OffPoolWork.run { [environment] in
                try Self.run(executable: executable, arguments: Array(arguments.dropFirst()), environment: environment)
            }
        } catch {
            throw failure("the credential_process of profile '\(profileName)' could not be started (\(Self.reason(error))); check that '\(command)' can be executed")
        }
        switch outcome.termination {
        case .exited(0):
            break
        case let .exited(status):
            throw failure("the credential_process of profile '\(profileName)' exited with status \(status); run '\(command)' yourself to see why")
        case let .signalled(signal):
            throw failure("the credential_process of profile '\(profileName)' was killed by signal \(signal)")
        }
        return try parse(outcome.output)
    }

    private func parse(_ output: Data) throws -> AWSCredentials {
        let subject = "the credential_process of profile '\(profileName)'"
        guard let document = CredentialsDocument(output) else {
            throw failure("\(subject) printed something that is not a JSON object; it must print the Version 1 JSON document")
        }
        guard let version = document.fields["Version"] as? Int, version == 1 else {
            throw failure("\(subject) printed a document without \"Version\": 1, the only version supported")
        }
        switch document.credentials(tokenKey: "SessionToken") {
        case let .success(credentials): return credentials
        case let .failure(problem): throw failure("the JSON printed by \(subject) \(problem.text)")
        }
    }

    /// Foundation wraps the POSIX error of a failed spawn; the inner one says what went wrong.
    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }

    private func resolveExecutable(_ command: String) -> String? {
        if command.contains("/") {
            return FileManager.default.isExecutableFile(atPath: command) ? command : nil
        }
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private func failure(_ message: String, isTerminal: Bool = true) -> CredentialProviderError {
        CredentialProviderError(provider: name, message: message, isTerminal: isTerminal)
    }

    private struct ProcessOutcome: Sendable {
        enum Termination: Sendable { case exited(Int32), signalled(Int32) }
        var termination: Termination
        var output: Data
    }

    /// Blocking: run only through `OffPoolWork`.
    private static func run(executable: String, arguments: [String], environment: [String: String]) throws -> ProcessOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // Read before waiting: a child blocked on a full pipe would never exit.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationStatus
        let termination: ProcessOutcome.Termination =
            process.terminationReason == .uncaughtSignal ? .signalled(status) : .exited(status)
        return ProcessOutcome(termination: termination, output: data)
    }
}
