import ArgumentParser
import Foundation
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

    @Option(name: .long, help: ArgumentHelp("Stop after this many seconds and report what finished and what did not (default: 80 for check and discover, 7200 for collect and report).", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .long, help: ArgumentHelp("Fail an AWS call that receives nothing for this many seconds (it is then retried).", valueName: "seconds"))
    var stallTimeout: Double = 15

    /// Short enough that a stalled endpoint fails `check` well within a minute and a half.
    static let defaultTimeout: Double = 80
    /// A collect of hundreds of accounts at AWS's quotas takes minutes; a stalled one stops in two hours.
    static let defaultCollectTimeout: Double = 7200

    /// `--timeout`, or the default of a quick command (`check`, `discover`).
    var quickTimeout: Double { timeout ?? Self.defaultTimeout }
    /// `--timeout`, or the default of a long command (`collect`, `report`).
    var collectTimeout: Double { timeout ?? Self.defaultCollectTimeout }

    func validate() throws {
        if let timeout { try OptionRange.check(timeout, OptionRange.timeoutSeconds, option: "--timeout", unit: "seconds") }
        try OptionRange.check(stallTimeout, OptionRange.stallTimeoutSeconds, option: "--stall-timeout", unit: "seconds")
        if let endpointURL { try Self.checkEndpoint(endpointURL, name: "--endpoint-url") }
    }

    /// The environment variables that name endpoints, checked like --endpoint-url.
    static let endpointVariables = ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_ATHENA",
                                    "AWS_ENDPOINT_URL_COST_EXPLORER", "AWS_ENDPOINT_URL_QUICKSIGHT"]

    /// Every endpoint the environment names, checked before any call.
    static func checkEndpoints(in environment: [String: String]) throws {
        for name in endpointVariables {
            if let value = environment[name], !value.isEmpty { try checkEndpoint(value, name: name) }
        }
    }

    /// An endpoint is an http or https URL with a host, e.g. http://127.0.0.1:4566.
    static func checkEndpoint(_ text: String, name: String) throws {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty
        else {
            throw ValidationError("\(name) '\(text.prefix(80))' is not an http(s) URL with a host, such as "
                + "https://vpce-0123.athena.us-east-1.vpce.amazonaws.com or http://127.0.0.1:4566")
        }
    }

    var effectiveLogLevel: Logger.Level { quiet ? .error : logLevel }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
