import Foundation

/// AssumeRole, AssumeRoleWithWebIdentity and GetCallerIdentity over the identity store, with
/// AWS's trust, ExternalId, session-policy, duration and role-chaining rules.
struct STSEngine: Sendable {
    let identities: SandboxIdentityStore
    let faults: FaultPlan
    let accountIds: [String]

    /// The role-chaining cap: a session assumed by a role session lasts one hour at most.
    static let chainedSessionLimit = 3600
    static let defaultDuration = 3600

    func getCallerIdentity(caller: SandboxPrincipal, requestId: String) -> SandboxReply {
        let result = STSXML.element("Arn", caller.arn) + STSXML.element("UserId", caller.userId)
            + STSXML.element("Account", caller.accountId)
        return xmlReply(STSXML.response(action: "GetCallerIdentity", result: result, requestId: requestId))
    }

    func assumeRole(caller: SandboxPrincipal, parameters: [String: String], now: Date,
                    requestId: String) throws(SandboxAPIError) -> SandboxReply {
        let roleArn = try required("RoleArn", in: parameters)
        let sessionName = try validSessionName(parameters)
        let externalId = parameters["ExternalId"]
        if let externalId { try validateLength(externalId, member: "externalId", min: 2, max: 1224) }
        let duration = try durationSeconds(parameters)
        let policyText = parameters["Policy"]
        let policy = try policyText.map { text throws(SandboxAPIError) in try sessionPolicy(text) }

        let denied = SandboxAPIError(code: "AccessDenied",
            message: "User: \(caller.arn) is not authorized to perform: sts:AssumeRole on resource: \(roleArn)", status: 403)
        guard let role = identities.role(arn: roleArn) else { throw denied }
        guard trusts(role, caller: caller) else { throw denied }
        guard externalIdSatisfies(role.definition, externalId) else { throw denied }
        guard callerMayAssume(caller, target: role) else { throw denied }

        if caller.roleArn != nil, duration > Self.chainedSessionLimit {
            throw .stsValidation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.")
        }
        if duration > role.definition.maxSessionDuration {
            throw .stsValidation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
        }
        let session = issue(role: role, callerAccount: caller.accountId, sessionName: sessionName, policy: policy,
                            duration: duration, now: now)
        var result = credentialsXML(session, expiration: now.addingTimeInterval(TimeInterval(duration)))
            + "<AssumedRoleUser>" + STSXML.element("AssumedRoleId", session.userId) + STSXML.element("Arn", session.arn)
            + "</AssumedRoleUser>"
        if let policyText {
            result += STSXML.element("PackedPolicySize", String(Self.packedPolicySize(policyText)))
        }
        return xmlReply(STSXML.response(action: "AssumeRole", result: result, requestId: requestId))
    }

    /// Unsigned: any non-empty token is accepted for roles that trust a federated principal.
    func assumeRoleWithWebIdentity(parameters: [String: String], now: Date,
                                   requestId: String) throws(SandboxAPIError) -> SandboxReply {
        let roleArn = try required("RoleArn", in: parameters)
        let sessionName = try validSessionName(parameters)
        let token = try required("WebIdentityToken", in: parameters)
        try validateLength(token, member: "webIdentityToken", min: 4, max: 20000)
        let duration = try durationSeconds(parameters)
        let policy = try parameters["Policy"].map { text throws(SandboxAPIError) in try sessionPolicy(text) }
        guard let role = identities.role(arn: roleArn), role.definition.trustsWebIdentity else {
            throw SandboxAPIError(code: "AccessDenied", message: "Not authorized to perform sts:AssumeRoleWithWebIdentity", status: 403)
        }
        if duration > role.definition.maxSessionDuration {
            throw .stsValidation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
        }
        let session = issue(role: role, callerAccount: role.accountId, sessionName: sessionName, policy: policy,
                            duration: duration, now: now)
        let result = credentialsXML(session, expiration: now.addingTimeInterval(TimeInterval(duration)))
            + STSXML.element("SubjectFromWebIdentityToken", "sandbox-subject")
            + "<AssumedRoleUser>" + STSXML.element("AssumedRoleId", session.userId) + STSXML.element("Arn", session.arn)
            + "</AssumedRoleUser>" + STSXML.element("Provider", "sandbox") + STSXML.element("Audience", "sts.amazonaws.com")
        return xmlReply(STSXML.response(action: "AssumeRoleWithWebIdentity", result: result, requestId: requestId))
    }

    // MARK: - Rules

    private func trusts(_ role: SandboxRole, caller: SandboxPrincipal) -> Bool {
        let callerIdentities = [caller.arn, "arn:aws:iam::\(caller.accountId):root"] + [caller.roleArn].compactMap { $0 }
        return role.definition.trustedPrincipals.contains { trusted in
            trusted == "*" || callerIdentities.contains(trusted)
        }
    }

    private func externalIdSatisfies(_ role: ScenarioRole, _ externalId: String?) -> Bool {
        if role.externalIdEquals.isEmpty && role.externalIdLike.isEmpty { return true }
        guard let externalId else { return false }
        return role.externalIdEquals.contains(externalId)
            || role.externalIdLike.contains { WildcardPattern.matches($0, externalId) }
    }

    /// IAM users may assume anything that trusts them; a role session needs its role's
    /// `may_assume` and its own session policy to allow the target.
    private func callerMayAssume(_ caller: SandboxPrincipal, target: SandboxRole) -> Bool {
        guard case .roleSession(_, _, let sessionPolicy) = caller.kind else { return true }
        guard let callerRole = identities.role(of: caller),
              callerRole.definition.mayAssume.contains(where: { WildcardPattern.matches($0, target.arn) }) else {
            return false
        }
        return sessionPolicy?.allows(action: "sts:AssumeRole", resource: target.arn) ?? true
    }

    private func issue(role: SandboxRole, callerAccount: String, sessionName: String, policy: SessionPolicy?,
                       duration: Int, now: Date) -> SandboxPrincipal {
        let lifetime = faults.expireEarlySeconds.map { min($0, duration) } ?? duration
        return identities.issueSession(role: role, accountId: boundAccount(for: role, callerAccount: callerAccount),
                                       sessionName: sessionName, sessionPolicy: policy,
                                       expiresAt: now.addingTimeInterval(TimeInterval(lifetime)))
    }

    /// The `wrong_account` fault binds a role's sessions to the caller's account (or, when that is
    /// the role's own account, to the first other account of the scenario).
    private func boundAccount(for role: SandboxRole, callerAccount: String) -> String {
        guard faults.wrongAccounts.contains(role.accountId) else { return role.accountId }
        if callerAccount != role.accountId { return callerAccount }
        return accountIds.first { $0 != role.accountId } ?? role.accountId
    }

    private func credentialsXML(_ session: SandboxPrincipal, expiration: Date) -> String {
        "<Credentials>" + STSXML.element("AccessKeyId", session.accessKeyId)
            + STSXML.element("SecretAccessKey", session.secretAccessKey)
            + STSXML.element("SessionToken", session.sessionToken ?? "")
            + STSXML.element("Expiration", STSXML.timestamp(expiration)) + "</Credentials>"
    }

    private func xmlReply(_ body: Data) -> SandboxReply {
        SandboxReply(status: 200, headers: [("Content-Type", "text/xml")], body: body)
    }

    // MARK: - Parameters

    private func required(_ name: String, in parameters: [String: String]) throws(SandboxAPIError) -> String {
        guard let value = parameters[name], !value.isEmpty else {
            let member = name.prefix(1).lowercased() + name.dropFirst()
            throw .stsValidation("1 validation error detected: Value null at '\(member)' failed to satisfy constraint: Member must not be null")
        }
        return value
    }

    private func validSessionName(_ parameters: [String: String]) throws(SandboxAPIError) -> String {
        let name = try required("RoleSessionName", in: parameters)
        try validateLength(name, member: "roleSessionName", min: 2, max: 64)
        let allowed = name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "_+=,.@-".unicodeScalars.contains($0)
        }
        guard allowed else {
            throw .stsValidation("1 validation error detected: Value '\(name)' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*")
        }
        return name
    }

    private func validateLength(_ value: String, member: String, min: Int, max: Int) throws(SandboxAPIError) {
        if value.count < min {
            throw .stsValidation("1 validation error detected: Value at '\(member)' failed to satisfy constraint: Member must have length greater than or equal to \(min)")
        }
        if value.count > max {
            throw .stsValidation("1 validation error detected: Value at '\(member)' failed to satisfy constraint: Member must have length less than or equal to \(max)")
        }
    }

    private func durationSeconds(_ parameters: [String: String]) throws(SandboxAPIError) -> Int {
        guard let text = parameters["DurationSeconds"] else { return Self.defaultDuration }
        guard let seconds = Int(text) else {
            throw .stsValidation("1 validation error detected: Value '\(text)' at 'durationSeconds' failed to satisfy constraint: Member must be a number")
        }
        if seconds < 900 {
            throw .stsValidation("1 validation error detected: Value '\(seconds)' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900")
        }
        if seconds > 43200 {
            throw .stsValidation("1 validation error detected: Value '\(seconds)' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200")
        }
        return seconds
    }

    private func sessionPolicy(_ text: String) throws(SandboxAPIError) -> SessionPolicy {
        if text.count > 2048 {
            throw .stsValidation("1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048")
        }
        return try SessionPolicy(json: text)
    }

    /// AWS reports the packed (compressed) policy as a percentage of its limit; the sandbox
    /// approximates it from the policy's whitespace-free length.
    static func packedPolicySize(_ policy: String) -> Int {
        let compact = policy.filter { !$0.isWhitespace }.count
        return max(1, Int((Double(compact) * 100 / 2048 / 2).rounded(.up)))
    }
}

extension SandboxAPIError {
    /// STS's parameter error (`ValidationError`, not `ValidationException`).
    static func stsValidation(_ message: String) -> SandboxAPIError {
        SandboxAPIError(code: "ValidationError", message: message, status: 400)
    }
}
