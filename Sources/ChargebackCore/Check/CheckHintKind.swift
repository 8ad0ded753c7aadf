import AWSCore

extension CheckHint {
    /// Every kind of failure `check` (and a collect's outcome) gives its own hint for. The raw
    /// value names the section of docs/troubleshooting.md that explains it; a test holds the two
    /// together.
    public enum Kind: String, CaseIterable, Sendable {
        case currencyMismatch = "CurrencyMismatch"
        case quickServiceNameNotFound = "QuickServiceNameNotFound"
        case quickServiceNameAmbiguous = "QuickServiceNameAmbiguous"
        case interrupted = "cancelled"
        case noCredentials = "NoCredentials"
        case invalidCredentials = "InvalidClientTokenId"
        case expiredSession = "ExpiredToken"
        case signatureRejected = "SignatureDoesNotMatch"
        case roleATrust = "AccessDenied-RoleA"
        case roleBTrust = "AccessDenied-RoleB"
        case sessionPolicyRejected = "MalformedPolicyDocument"
        case regionDisabled = "RegionDisabledException"
        case wrongAccount = "WrongAccount"
        case costExplorerNoData = "DataUnavailableException"
        case quickNotSubscribed = "ResourceNotFoundException"
        case throttled = "Throttling"
        case unreachable = "couldNotConnect"
        case permissionDenied = "AccessDenied"
        case other = "Other"

        /// Which kind `code` from `step` is; the order of the cases below is the order of precedence.
        public init(code: String, step: CheckStep, error: any Error) {
            // What kind of refusal an AWS error is, the decoder decides.
            let refusal = error as? AWSServiceError
            switch (step, code) {
            case (_, "CurrencyMismatch"): self = .currencyMismatch
            case (_, QuickServiceNameError.notFoundCode): self = .quickServiceNameNotFound
            case (_, QuickServiceNameError.ambiguousCode): self = .quickServiceNameAmbiguous
            case (_, let code) where CheckHint.interruptedCodes.contains(code): self = .interrupted
            case (_, "NoCredentials"): self = .noCredentials
            case (_, "InvalidClientTokenId"), (_, "UnrecognizedClientException"): self = .invalidCredentials
            // RequestExpired (a request signed too long ago) says nothing about the session.
            case (_, _) where refusal?.isExpiredToken == true && code != "RequestExpired": self = .expiredSession
            case (_, "SignatureDoesNotMatch"): self = .signatureRejected
            case (.roleA, _) where refusal?.isAccessDenied == true: self = .roleATrust
            case (.roleB, _) where refusal?.isAccessDenied == true: self = .roleBTrust
            case (_, "MalformedPolicyDocument"), (_, "PackedPolicyTooLarge"): self = .sessionPolicyRejected
            case (_, "RegionDisabledException"): self = .regionDisabled
            case (.identity, "WrongAccount"): self = .wrongAccount
            case (.costExplorer, "DataUnavailableException"): self = .costExplorerNoData
            case (.quickSight, "ResourceNotFoundException"): self = .quickNotSubscribed
            case (_, _) where refusal?.isThrottling == true: self = .throttled
            case (_, let code) where Self.transportCodes.contains(code): self = .unreachable
            case (_, _) where refusal?.isAccessDenied == true: self = .permissionDenied
            default: self = .other
            }
        }

        static let transportCodes: Set<String> = ["couldNotResolveHost", "couldNotConnect", "timedOut", "tlsFailure", "connectionReset"]
    }
}
