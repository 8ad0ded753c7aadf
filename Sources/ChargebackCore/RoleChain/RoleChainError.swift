import AWSCore

/// A BU's role chain did not produce credentials for the BU's account.
public enum RoleChainError: Error, Sendable, CustomStringConvertible {
    /// AssumeRole failed at one step of the chain.
    case assumeRoleFailed(businessUnit: String, step: RoleChainStep, roleArn: String, underlying: any Error & Sendable)
    /// The chain worked but landed in another account: costs must never be attributed there.
    case wrongAccount(businessUnit: String, expected: String, actual: String, arn: String)

    public var code: String {
        switch self {
        case let .assumeRoleFailed(_, _, _, underlying):
            switch underlying {
            case let error as AWSServiceError: return error.code
            case let error as RoleChainError: return error.code
            default: return String(describing: type(of: underlying))
            }
        case .wrongAccount: return "WrongAccount"
        }
    }

    public var step: RoleChainStep {
        switch self {
        case let .assumeRoleFailed(_, step, _, _): return step
        case .wrongAccount: return .identity
        }
    }

    public var description: String {
        switch self {
        case let .assumeRoleFailed(businessUnit, step, roleArn, underlying):
            return "BU '\(businessUnit)': assuming \(step.rawValue) \(roleArn) failed: \(underlying)"
        case let .wrongAccount(businessUnit, expected, actual, arn):
            return "BU '\(businessUnit)': the role chain landed in account \(actual) (\(arn)), not the configured \(expected); "
                + "check role_arn and account_id — no costs are attributed from the wrong account"
        }
    }
}
