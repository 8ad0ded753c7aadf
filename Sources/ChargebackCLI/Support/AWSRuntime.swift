import AWSCore
import AWSServices
import ChargebackCore
import Foundation
import Logging

/// The AWS plumbing a command needs: one transport, the endpoint rules, the base credentials
/// from the standard chain, and a logger. Built once per command run.
struct AWSRuntime: Sendable {
    let http: any HTTPClient
    let endpoints: EndpointResolver
    let base: any CredentialProvider
    let logger: Logger
    /// Paces the central account's calls (Quick discovery, Cost Explorer, the role chain's AssumeRole);
    /// its table holds the quotas every account's calls are paced to.
    let centralRateLimiter: RateLimiter

    static func make(options: GlobalOptions, region: String?,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AWSRuntime {
        LoggingSetup.configure(level: options.effectiveLogLevel)
        let http = CurlHTTPClient(configuration: CurlHTTPClient.Configuration(
            connectTimeout: .seconds(5), stallTimeout: .milliseconds(Int64(options.stallTimeout * 1000))))
        let endpoints = EndpointResolver(overrideURL: options.endpointURL, environment: environment)
        let base: any CredentialProvider
        do {
            base = try DefaultCredentialChain.make(environment: environment, http: http, endpoints: endpoints,
                                                   region: region, profile: options.profile)
        } catch {
            throw CommandFailure("credentials: \(error)", exitCode: ChargebackExitCode.usage)
        }
        let rateLimits = RateLimitTable.awsDefaults.withSafetyFactor(RateLimitTable.recommendedSafetyFactor)
        return AWSRuntime(http: http, endpoints: endpoints, base: base, logger: LoggingSetup.logger("chargeback.aws"),
                          centralRateLimiter: RateLimiter(table: rateLimits))
    }

    /// A client acting in the central account with `credentials` (default: the base credentials) in `region`.
    func client(region: String, credentials: (any CredentialProvider)? = nil) -> AWSClient {
        AWSClient(http: http, credentialProvider: credentials ?? base, region: region, endpoints: endpoints,
                  logger: logger, rateLimiter: centralRateLimiter)
    }

    /// The central account's client: the base credentials, or `central.cost_role_arn` assumed with them.
    func centralClient(_ config: ChargebackConfig) -> AWSClient {
        let client = client(region: config.central.region)
        guard let costRole = config.central.costRoleArn else { return client }
        let assume = AssumeRoleCredentialProvider(
            input: AssumeRoleInput(roleArn: costRole.text, roleSessionName: RoleSessionName.central, durationSeconds: 3600),
            source: STSClient(client: client))
        return client.with(credentials: CachingCredentialProvider(wrapping: assume))
    }

    func roleChain(_ config: ChargebackConfig) -> RoleChain {
        RoleChain(base: base, runAsRoleArn: config.central.runAsRoleArn?.text, client: client(region: config.central.region),
                  rateLimits: centralRateLimiter.table, sharedLimiters: [config.central.accountId: centralRateLimiter])
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
