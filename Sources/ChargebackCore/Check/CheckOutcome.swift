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

    /// The probe a role chain step belongs to.
    public init(_ step: RoleChainStep) {
        switch step {
        case .roleA: self = .roleA
        case .roleB: self = .roleB
        case .identity: self = .identity
        }
    }
}

/// Turns an error into an AWS error code and a one-line hint.
public enum CheckHint {
    /// `step` is the probe that failed; a role chain error names its own step instead, and the
    /// hint is about the AWS error it wraps.
    public static func outcome(for error: any Error, step: CheckStep) -> CheckOutcome {
        if case let RoleChainError.assumeRoleFailed(_, failedStep, _, underlying) = error {
            return outcome(for: underlying, step: CheckStep(failedStep))
        }
        let step = (error as? RoleChainError).map { CheckStep($0.step) } ?? step
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
        case let RoleChainError.assumeRoleFailed(_, _, _, underlying): return errorCode(underlying)
        case RoleChainError.wrongAccount: return "WrongAccount"
        case is CostCurrencyMismatch: return "CurrencyMismatch"
        case let error as QuickServiceNameError: return error.code
        default: return String(describing: type(of: error))
        }
    }

    /// Codes of probes that were cancelled rather than answered.
    public static let interruptedCodes: Set<String> = ["cancelled", "CancellationError"]

    static func hint(code: String, step: CheckStep, error: any Error) -> String {
        text(of: Kind(code: code, step: step, error: error), step: step, error: error)
    }

    static func text(of kind: Kind, step: CheckStep, error: any Error) -> String {
        switch kind {
        case .currencyMismatch, .quickServiceNameNotFound, .quickServiceNameAmbiguous:
            return String(describing: error)
        case .interrupted:
            return "not finished: the command's --timeout stopped it first"
        case .noCredentials:
            return "no base credentials: set AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or a web identity"
        case .invalidCredentials:
            return "the base credentials are not valid: check the access key of the profile or environment"
        case .expiredSession:
            return expiredSessionHint(step: step)
        case .signatureRejected:
            return "the request signature was rejected: check the secret key and the machine's clock"
        case .roleATrust:
            return "Role A's trust policy does not accept the reporter's principal (see README: Role A's trust policy)"
        case .roleBTrust:
            return "Role B's trust policy does not accept this ExternalId from the central account, or Role A may not assume it"
        case .sessionPolicyRejected:
            return "STS rejected the scope-down session policy for Role A"
        case .regionDisabled:
            return "STS is not enabled in this region for the account: activate the region or use another"
        case .wrongAccount:
            return "Role B answered for another account: role_arn points at the wrong account"
        case .costExplorerNoData:
            return "Cost Explorer has no data yet for this account (it must be enabled once in the management account)"
        case .quickNotSubscribed:
            return "Quick is not subscribed in this account and region: check central.account_id and central.region"
        case .throttled:
            return "throttled even after retries: run again later or lower --concurrency"
        case .unreachable:
            var host = "AWS"
            if case let AWSClientError.transport(service, _, transport) = error { host = "\(service) at \(transport.host)" }
            return "could not reach \(host): check the network, proxy settings and endpoint URLs"
        case .permissionDenied:
            return AccessDeniedHint(error: error, step: step).text
        case .other:
            return firstLine(of: error)
        }
    }

    /// An expired session: only the base credentials are refreshed by the user; the chain's own
    /// sessions are re-assumed by running again.
    static func expiredSessionHint(step: CheckStep) -> String {
        switch step {
        case .baseCredentials, .roleA:
            return "the base credentials have expired: refresh the base session (e.g. aws sso login) and run again"
        case .roleB:
            return "the Role A session expired before Role B was assumed (chained sessions last at most an hour): run again, and check the machine's clock if it repeats"
        default:
            return "the Role B session expired during the run: run again, and check the machine's clock if it repeats"
        }
    }

    static func firstLine(of error: any Error) -> String {
        let text = String(describing: error)
        return String(text.split(separator: "\n").first ?? Substring(text)).prefix(200).description
    }
}
