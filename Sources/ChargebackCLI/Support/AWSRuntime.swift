import AWSCore
import AWSServices
import ChargebackCore
import Foundation
import Logging

/// The commands' AWS plumbing: the core's, set up from the command-line options.
typealias AWSRuntime = AWSAccess

extension AWSAccess {
    /// Sets up logging and the standard AWS access for a command; a misconfigured credential
    /// chain is a usage error (exit 2).
    static func make(options: GlobalOptions, region: String?,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AWSAccess {
        LoggingSetup.configure(level: options.effectiveLogLevel)
        do {
            return try AWSAccess.standard(environment: environment, endpointURL: options.endpointURL,
                                          profile: options.profile, region: region,
                                          stallTimeout: .milliseconds(Int64(options.stallTimeout * 1000)),
                                          logger: LoggingSetup.logger("chargeback.aws"))
        } catch {
            throw CommandFailure("credentials: \(error)", exitCode: ChargebackExitCode.usage)
        }
    }
}

/// Loads and validates the configuration; any problem is a usage error (exit 2) listing every
/// mistake with its file, line and key, before any AWS call.
func loadConfiguration(_ path: String) throws -> ChargebackConfig {
    do {
        return try ConfigLoader.load(path: path)
    } catch let failure as ConfigLoadFailure {
        throw CommandFailure("\(path) has \(failure.errors.count) problem\(failure.errors.count == 1 ? "" : "s"):\n"
            + failure.errors.map { "  \($0)" }.joined(separator: "\n"), exitCode: ChargebackExitCode.usage)
    } catch {
        throw CommandFailure("\(error)", exitCode: ChargebackExitCode.usage)
    }
}
