import AWSCore

/// Checks STS parameters against the limits of the STS model before anything is sent, so a
/// typo in a configuration fails fast with the field and the limit instead of an AWS error.
/// Values are never echoed (an external id or a token may be secret); only their lengths and,
/// for session names, the offending character.
struct STSInputValidator {
    let operation: String

    /// `\w` in AWS's patterns is ASCII letters, digits and underscore.
    private static let wordCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
    static let sessionNameCharacters = wordCharacters.union("+=,.@-")
    static let externalIdCharacters = wordCharacters.union("+=,.@:/-")

    func roleArn(_ value: String) throws {
        try length(of: value, field: "RoleArn", in: 20...2048)
    }

    func roleSessionName(_ value: String) throws {
        try length(of: value, field: "RoleSessionName", in: 2...64)
        try characters(of: value, field: "RoleSessionName", allowed: Self.sessionNameCharacters,
                       allowedText: "letters, digits and _+=,.@-", showOffender: true)
    }

    func externalId(_ value: String?) throws {
        guard let value else { return }
        try length(of: value, field: "ExternalId", in: 2...1224)
        try characters(of: value, field: "ExternalId", allowed: Self.externalIdCharacters,
                       allowedText: "letters, digits and _+=,.@:/-", showOffender: false)
    }

    func policy(_ value: String?) throws {
        guard let value else { return }
        try length(of: value, field: "Policy", in: 1...2048)
    }

    func durationSeconds(_ value: Int?) throws {
        guard let value, !(900...43200).contains(value) else { return }
        throw invalid("DurationSeconds must be between 900 and 43200 seconds; got \(value)")
    }

    func sourceIdentity(_ value: String?) throws {
        guard let value else { return }
        try length(of: value, field: "SourceIdentity", in: 2...64)
        try characters(of: value, field: "SourceIdentity", allowed: Self.sessionNameCharacters,
                       allowedText: "letters, digits and _+=,.@-", showOffender: true)
    }

    func webIdentityToken(_ value: String) throws {
        try length(of: value, field: "WebIdentityToken", in: 4...20000)
    }

    private func length(of value: String, field: String, in range: ClosedRange<Int>) throws {
        let count = value.count
        guard !range.contains(count) else { return }
        throw invalid("\(field) must be \(range.lowerBound)–\(range.upperBound) characters long; got \(count)")
    }

    private func characters(of value: String, field: String, allowed: Set<Character>, allowedText: String,
                            showOffender: Bool) throws {
        guard let offender = value.first(where: { !allowed.contains($0) }) else { return }
        let which = showOffender ? " (found '\(offender)')" : ""
        throw invalid("\(field) may contain only \(allowedText)\(which)")
    }

    private func invalid(_ detail: String) -> AWSClientError {
        .invalidRequest(service: AWSServiceDescriptor.sts.name, operation: operation, detail: detail)
    }
}
