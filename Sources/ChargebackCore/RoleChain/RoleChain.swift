import AWSCore
import AWSServices
import Foundation
import Synchronization

/// The role chain of the documentation, the way Quick itself reaches a consumer account:
/// base → Role A (with a scope-down session policy naming one Role B) → Role B (with the BU's
/// ExternalId), or base → Role B when no Role A is configured. Each step's credentials are
/// cached and refreshed before they expire (chained sessions last at most an hour).
public struct RoleChain: Sendable {
    /// The reporter's own credentials (the standard chain, or a central role).
    public var base: any CredentialProvider
    /// Role A, when the chain goes through it.
    public var runAsRoleArn: String?
    /// Carries the transport, endpoints, retry policy, clock and logger; its region is where STS
    /// is called (the central region: Quick's own).
    public var client: AWSClient
    /// Role chaining caps sessions at one hour; asking for more fails.
    public var sessionSeconds: Int
    /// One limiter per account, so BUs that share an account share its quota; nil leaves BU calls unpaced.
    let accountLimiters: AccountRateLimiters?

    /// `rateLimits`: the quotas each BU session paces its account's calls to. (The chain's own STS
    /// calls are paced by `client`'s limiter: they count against the central account.)
    /// `sharedLimiters`: limiters that already pace an account (the central account's own), so a
    /// BU in that account is paced once, not twice.
    public init(base: any CredentialProvider, runAsRoleArn: String?, client: AWSClient, sessionSeconds: Int = 3600,
                rateLimits: RateLimitTable? = nil, sharedLimiters: [String: RateLimiter] = [:]) {
        self.base = base
        self.runAsRoleArn = runAsRoleArn
        self.client = client
        self.sessionSeconds = sessionSeconds
        self.accountLimiters = rateLimits.map { AccountRateLimiters(table: $0, seeded: sharedLimiters) }
    }

    /// The chain into one BU's account. Nothing is called until credentials are first needed.
    public func session(for unit: BusinessUnitConfig) -> BusinessUnitSession {
        let sessionName = RoleSessionName.forBusinessUnit(unit.id)
        let roleB = unit.roleArn.text
        var previous: any CredentialProvider = base
        var roleA: (any CredentialProvider)?
        if let runAsRoleArn {
            let step = AssumeRoleStep(
                businessUnit: unit.id, step: .roleA,
                input: AssumeRoleInput(roleArn: runAsRoleArn, roleSessionName: sessionName,
                                       policy: ScopeDownPolicy.allowingAssumeRole(of: roleB),
                                       durationSeconds: sessionSeconds),
                sts: STSClient(client: client.with(credentials: previous)))
            let cached = CachingCredentialProvider(wrapping: step, now: client.clock)
            roleA = cached
            previous = cached
        }
        let stepB = AssumeRoleStep(
            businessUnit: unit.id, step: .roleB,
            input: AssumeRoleInput(roleArn: roleB, roleSessionName: sessionName, externalId: unit.externalId,
                                   durationSeconds: sessionSeconds),
            sts: STSClient(client: client.with(credentials: previous)))
        var unitClient = client
        unitClient.rateLimiter = accountLimiters?.limiter(for: unit.accountId)
        return BusinessUnitSession(unit: unit, roleA: roleA,
                                   roleB: CachingCredentialProvider(wrapping: stepB, now: client.clock),
                                   client: unitClient)
    }
}

/// One BU's end of the chain: Role B's credentials, and clients that use them.
public struct BusinessUnitSession: Sendable {
    public let unit: BusinessUnitConfig
    public let roleA: (any CredentialProvider)?
    public let roleB: any CredentialProvider
    private(set) var client: AWSClient

    /// Paces the BU account's calls; shared by every client this session makes.
    public var rateLimiter: RateLimiter? { client.rateLimiter }

    /// Counts every call made as Role B (not the chain's own AssumeRole calls) on `counter` too.
    mutating func countRequests(with counter: RequestCounter) {
        client.http = CountingHTTPClient.counting(client.http, with: counter)
    }

    /// A client in `region` acting as Role B.
    public func client(region: String) -> AWSClient {
        client.with(credentials: roleB, region: region)
    }

    /// Asks STS who Role B is, and refuses an answer from any account but the BU's own:
    /// costs must never be attributed to the wrong BU.
    @discardableResult
    public func verifyAccount() async throws -> GetCallerIdentityOutput {
        let identity = try await STSClient(client: client.with(credentials: roleB)).getCallerIdentity()
        guard identity.account == unit.accountId else {
            throw RoleChainError.wrongAccount(businessUnit: unit.id, expected: unit.accountId, actual: identity.account,
                                              arn: identity.arn)
        }
        return identity
    }
}

/// One AssumeRole of the chain, with its failures labelled by step so that an error says
/// which role refused.
struct AssumeRoleStep: CredentialProvider {
    let businessUnit: String
    let step: RoleChainStep
    let input: AssumeRoleInput
    let sts: STSClient

    var name: String { "RoleChain(\(businessUnit), \(step.rawValue))" }

    func credentials() async throws -> AWSCredentials {
        do {
            return try await sts.assumeRole(input).credentials
        } catch let error as RoleChainError {
            throw error   // an earlier step failed; keep its label
        } catch {
            throw RoleChainError.assumeRoleFailed(businessUnit: businessUnit, step: step, roleArn: input.roleArn,
                                                  underlying: error)
        }
    }
}

/// The rate limiters of a run, one per AWS account: API quotas are per account, whatever BU or
/// session the calls come from.
final class AccountRateLimiters: Sendable {
    let table: RateLimitTable
    private let limiters: Mutex<[String: RateLimiter]>

    init(table: RateLimitTable, seeded: [String: RateLimiter] = [:]) {
        self.table = table
        self.limiters = Mutex(seeded)
    }

    func limiter(for accountId: String) -> RateLimiter {
        limiters.withLock { limiters in
            if let limiter = limiters[accountId] { return limiter }
            let limiter = RateLimiter(table: table)
            limiters[accountId] = limiter
            return limiter
        }
    }
}
