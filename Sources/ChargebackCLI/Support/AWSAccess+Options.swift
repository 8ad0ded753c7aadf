import AWSCore
import AWSServices
import ChargebackCore
import Foundation
import Logging

/// The commands' AWS plumbing: the core's, set up from the command-line options.
extension AWSAccess {
    /// Sets up logging and the standard AWS access for a command; a misconfigured credential
    /// chain is a usage error (exit 2).
    static func make(options: GlobalOptions, region: String?, units: Int = 8,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AWSAccess {
        LoggingSetup.configure(level: options.effectiveLogLevel)
        if options.endpointURL == nil {
            do {
                try GlobalOptions.checkEndpoints(in: environment)
            } catch {
                throw CommandFailure(.endpointSettings, "\(error)", exitCode: ChargebackExitCode.usage)
            }
        }
        do {
            return try AWSAccess.standard(environment: environment, endpointURL: options.endpointURL,
                                          profile: options.profile, region: region,
                                          stallTimeout: .milliseconds(Int64(options.stallTimeout * 1000)),
                                          concurrentRequests: AWSAccess.concurrentRequests(forUnits: units),
                                          logger: LoggingSetup.logger("chargeback.aws"))
        } catch {
            throw CommandFailure(.credentialSettings, "credentials: \(error)", exitCode: ChargebackExitCode.usage)
        }
    }
}
