import AWSCore
import AWSServices
import Foundation
import Logging

/// The AWS plumbing every command, the bench and the tests share: one transport, the endpoint
/// rules, the base credentials, and the pacing of each account's calls at a margin under AWS's
/// quotas. The central client, the cost role and the role chain are built here, in one place.
public struct AWSAccess: Sendable {
    public let http: any HTTPClient
    public let endpoints: EndpointResolver
    public let base: any CredentialProvider
    public let logger: Logger
    /// Paces the central account's calls (Quick discovery, Cost Explorer, the role chain's
    /// AssumeRole); its table holds the quotas every account's calls are paced to.
    public let centralRateLimiter: RateLimiter

    /// The quotas calls are paced to: AWS's published ones, bursts kept short for network jitter.
    public static let rateLimits = RateLimitTable.awsDefaults.withJitterAllowance(RateLimitTable.recommendedJitterAllowance)

    public init(http: any HTTPClient, endpoints: EndpointResolver, base: any CredentialProvider, logger: Logger,
                rateLimits: RateLimitTable = AWSAccess.rateLimits) {
        self.http = http
        self.endpoints = endpoints
        self.base = base
        self.logger = logger
        self.centralRateLimiter = RateLimiter(table: rateLimits)
    }

    /// The standard set-up: libcurl with short connect and stall timeouts and `concurrentRequests`
    /// transfers at once, the SDKs' endpoint variables, and the standard credential chain. Throws
    /// when the credential chain is misconfigured.
    public static func standard(environment: [String: String], endpointURL: String?, profile: String?, region: String?,
                                stallTimeout: Duration, concurrentRequests: Int = 16, logger: Logger) throws -> AWSAccess {
        let http = CurlHTTPClient(configuration: CurlHTTPClient.Configuration(
            stallTimeout: stallTimeout, maxConcurrentRequests: max(1, concurrentRequests)))
        let endpoints = EndpointResolver(overrideURL: endpointURL, environment: environment)
        let base = try DefaultCredentialChain.make(environment: environment, http: http, endpoints: endpoints,
                                                   region: region, profile: profile)
        return AWSAccess(http: http, endpoints: endpoints, base: base, logger: logger)
    }

    /// Transfers to allow at once for `units` business units at a time: a unit listing two
    /// workgroups keeps a list page and a details call in flight for each. Fewer slots make
    /// requests queue on the client, and a request held there reaches AWS late and bunched with
    /// the next, which is what gets a paced run throttled.
    public static func concurrentRequests(forUnits units: Int) -> Int {
        max(16, 4 * units)
    }

    /// A client acting in the central account with `credentials` (default: the base credentials) in `region`.
    public func client(region: String, credentials: (any CredentialProvider)? = nil) -> AWSClient {
        AWSClient(http: http, credentialProvider: credentials ?? base, region: region, endpoints: endpoints,
                  logger: logger, rateLimiter: centralRateLimiter)
    }

    /// The central account's client: the base credentials, or `central.cost_role_arn` assumed with them.
    public func centralClient(_ config: ChargebackConfig) -> AWSClient {
        let client = client(region: config.central.region)
        guard let costRole = config.central.costRoleArn else { return client }
        let assume = AssumeRoleCredentialProvider(
            input: AssumeRoleInput(roleArn: costRole.text, roleSessionName: RoleSessionName.central, durationSeconds: 3600),
            source: STSClient(client: client))
        return client.with(credentials: CachingCredentialProvider(wrapping: assume))
    }

    /// Every BU's chain, paced per account; a BU in the central account shares its pace.
    public func roleChain(_ config: ChargebackConfig) -> RoleChain {
        RoleChain(base: base, runAsRoleArn: config.central.runAsRoleArn?.text, client: client(region: config.central.region),
                  rateLimits: centralRateLimiter.table, sharedLimiters: [config.central.accountId: centralRateLimiter])
    }
}
