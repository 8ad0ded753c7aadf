import ArgumentParser
import Logging

/// Options every command that talks to AWS shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Flag(name: .long, help: "Only errors on stderr.")
    var quiet = false

    @Option(name: .long, help: "Send every AWS call to this endpoint (a local emulator, a VPC endpoint).")
    var endpointURL: String?

    @Option(name: .long, help: "The AWS profile for the base credentials (default: AWS_PROFILE, then 'default').")
    var profile: String?

    var effectiveLogLevel: Logger.Level { quiet ? .error : logLevel }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
