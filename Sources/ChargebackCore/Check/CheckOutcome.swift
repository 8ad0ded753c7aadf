import AWSCore
import Foundation

/// The result of one probe of `chargeback check`: passed, failed with an AWS error code and a
/// hint a person can act on, or not tried because an earlier step failed.
public enum CheckOutcome: Sendable, Equatable {
    case passed(String)
    case failed(code: String, hint: String)
    case skipped(String)

    public var isPassed: Bool {
        if case .passed = self { return true }
        return false
    }
}

/// Everything `check` learned about one business unit (or the central account).
public struct AccessCheckReport: Sendable, Equatable {
    public var businessUnitId: String
    public var accountId: String
    public var chain: CheckOutcome
    public var identity: CheckOutcome
    public var athena: CheckOutcome
    public var costExplorer: CheckOutcome
    /// Only for the central row: QuickSight ListDataSources.
    public var quickSight: CheckOutcome?

    public init(businessUnitId: String, accountId: String, chain: CheckOutcome, identity: CheckOutcome,
                athena: CheckOutcome, costExplorer: CheckOutcome, quickSight: CheckOutcome? = nil) {
        self.businessUnitId = businessUnitId
        self.accountId = accountId
        self.chain = chain
        self.identity = identity
        self.athena = athena
        self.costExplorer = costExplorer
        self.quickSight = quickSight
    }

    public var outcomes: [CheckOutcome] { [chain, identity, athena, costExplorer] + (quickSight.map { [$0] } ?? []) }

    /// Passed when nothing failed (skipped probes of the central row are not failures).
    public var passed: Bool {
        outcomes.allSatisfy { if case .failed = $0 { return false } else { return true } }
    }
}

/// Which probe an error came from, so the hint can say what to fix.
public enum CheckStep: String, Sendable {
    case baseCredentials = "base credentials"
    case roleA = "Role A"
    case roleB = "Role B"
    case identity
    case athena = "Athena"
    case costExplorer = "Cost Explorer"
    case quickSight = "QuickSight"
}

/// Turns an error into an AWS error code and a one-line hint.
public enum CheckHint {
    /// `step` is the probe that failed; a role chain error names its own step instead, and the
    /// hint is about the AWS error it wraps.
    public static func outcome(for error: any Error, step: CheckStep) -> CheckOutcome {
        if case let RoleChainError.assumeRoleFailed(_, failedStep, _, underlying) = error {
            return outcome(for: underlying, step: failedStep)
        }
        let step = (error as? RoleChainError)?.step ?? step
        let code = errorCode(error)
        return .failed(code: code, hint: hint(code: code, step: step, error: error))
    }

    public static func errorCode(_ error: any Error) -> String {
        switch error {
        case let error as AWSServiceError: return error.code
        case let AWSClientError.transport(_, _, transport): return transport.kind.rawValue
        case AWSClientError.credentials: return "NoCredentials"
        case AWSClientError.invalidResponse: return "InvalidResponse"
        case AWSClientError.invalidRequest: return "InvalidRequest"
        case is CredentialProviderError: return "NoCredentials"
        case let error as RoleChainError: return error.code
        default: return String(describing: type(of: error))
        }
    }

    static func hint(code: String, step: CheckStep, error: any Error) -> String {
        // What kind of refusal an AWS error is, the decoder decides; RequestExpired (a request
        // signed too long ago) keeps the generic hint, as it says nothing about the session.
        if let refusal = error as? AWSServiceError, code == refusal.code {
            if refusal.isExpiredToken && code != "RequestExpired" {
                return "the credentials have expired: refresh the base session (e.g. aws sso login) and run again"
            }
            if refusal.isAccessDenied {
                return accessDeniedHint(step: step) ?? firstLine(of: error)
            }
            if refusal.isThrottling {
                return "throttled even after retries: run again later or lower --concurrency"
            }
        }
        switch (step, code) {
        case (_, "NoCredentials"):
            return "no base credentials: set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a web identity"
        case (_, "InvalidClientTokenId"), (_, "UnrecognizedClientException"):
            return "the base credentials are not valid: check the access key of the profile or environment"
        case (_, "SignatureDoesNotMatch"):
            return "the request signature was rejected: check the secret key and the machine's clock"
        case (_, "MalformedPolicyDocument"), (_, "PackedPolicyTooLarge"):
            return "STS rejected the scope-down session policy for Role A"
        case (_, "RegionDisabledException"):
            return "STS is not enabled in this region for the account: activate the region or use another"
        case (.identity, "WrongAccount"):
            return "Role B answered for another account: role_arn points at the wrong account"
        case (.costExplorer, "DataUnavailableException"):
            return "Cost Explorer has no data yet for this account (it must be enabled once in the management account)"
        case (.quickSight, "ResourceNotFoundException"):
            return "Quick is not subscribed in this account and region: check central.account_id and central.region"
        case (_, "couldNotResolveHost"), (_, "couldNotConnect"), (_, "timedOut"), (_, "tlsFailure"), (_, "connectionReset"):
            var host = "AWS"
            if case let AWSClientError.transport(service, _, transport) = error { host = "\(service) at \(transport.host)" }
            return "could not reach \(host): check the network, proxy settings and endpoint URLs"
        default:
            return firstLine(of: error)
        }
    }

    /// What to fix when `step` was refused (AccessDenied or AccessDeniedException); nil when the
    /// step has no specific advice.
    static func accessDeniedHint(step: CheckStep) -> String? {
        switch step {
        case .roleA:
            return "Role A's trust policy does not accept the reporter's principal (see README: Role A's trust policy)"
        case .roleB:
            return "Role B's trust policy does not accept this ExternalId from the central account, or Role A may not assume it"
        case .athena:
            return "Role B may not list Athena workgroups: add the Athena read statement from the README"
        case .costExplorer:
            return "Role B lacks ce:GetCostAndUsage: add the README's Cost Explorer statement to Role B"
        case .quickSight:
            return "the central principal lacks quicksight:ListDataSources"
        default:
            return nil
        }
    }

    static func firstLine(of error: any Error) -> String {
        let text = String(describing: error)
        return String(text.split(separator: "\n").first ?? Substring(text)).prefix(200).description
    }
}
