import Foundation

/// Turns one HTTP request into one answer: control endpoints, routing, SigV4 verification,
/// sessions, action permissions, quotas and faults, then STS or a service engine. Synchronous
/// and thread-safe; the HTTP server calls it off the event loop.
public final class SandboxRouter: Sendable {
    public let clock: SandboxClock
    public let counters: SandboxCounters
    let identities: SandboxIdentityStore
    private let engines: SandboxEngines
    private let quotas: SandboxQuotas?
    private let faults: FaultInjector
    private let sts: STSEngine
    private let control: SandboxControlEndpoints

    /// `quotas` replaces AWS's default buckets (tests inject a clock); ignored when quotas are off.
    public init(scenario: Scenario, options: SandboxOptions, engines: SandboxEngines,
                clock: SandboxClock? = nil, quotas: SandboxQuotas? = nil) {
        self.clock = clock ?? SandboxClock(start: scenario.clock)
        self.counters = SandboxCounters()
        self.identities = SandboxIdentityStore(scenario: scenario)
        self.engines = engines
        self.quotas = options.quotas == .aws ? (quotas ?? SandboxQuotas()) : nil
        self.faults = FaultInjector(plan: options.faults)
        self.sts = STSEngine(identities: identities, faults: options.faults, accountIds: scenario.accounts.map(\.id))
        self.control = SandboxControlEndpoints(clock: self.clock, counters: counters)
    }

    /// The arrival stamp for a request that has just been read (nil when quotas are off).
    public func arrivalStamp() -> UInt64? { quotas?.stamp() }

    public func respond(to request: SandboxHTTPRequest) -> SandboxHTTPResponse {
        if request.rawPath.hasPrefix("/_sandbox/") { return control.respond(to: request) }
        let requestId = UUID().uuidString.lowercased()
        let form = formParameters(request)
        var response: SandboxHTTPResponse
        if form["Action"] == "AssumeRoleWithWebIdentity" {
            response = answer(service: .sts, requestId: requestId) { () throws(SandboxAPIError) in
                try self.call(.sts, operation: "AssumeRoleWithWebIdentity", principal: nil, request: request,
                              form: form, region: "us-east-1", requestId: requestId)
            }
        } else if let header = request.header("Authorization") {
            response = authenticatedCall(request, authorization: header, form: form, requestId: requestId)
        } else {
            response = missingAuthentication(request, form: form, requestId: requestId)
        }
        response.delay = faults.plan.latency
        return response
    }

    // MARK: - Pipeline

    private func authenticatedCall(_ request: SandboxHTTPRequest, authorization header: String,
                                   form: [String: String], requestId: String) -> SandboxHTTPResponse {
        guard let authorization = SigV4Authorization(header: header) else {
            let service = guessedService(request, form: form)
            return SandboxErrorRenderer.render(service.incompleteSignature(
                "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' in the AWS4-HMAC-SHA256 format."),
                wire: service.wire, requestId: requestId)
        }
        guard let service = SandboxService(rawValue: authorization.service) else {
            let wire = guessedService(request, form: form).wire
            return SandboxErrorRenderer.render(SandboxAPIError(code: "UnrecognizedClientException",
                message: "The sandbox does not emulate the service '\(authorization.service)' named in the credential scope; it knows sts, athena, ce and quicksight.",
                status: 400), wire: wire, requestId: requestId)
        }
        return answer(service: service, requestId: requestId) { () throws(SandboxAPIError) in
            let principal = try self.authenticate(request, authorization, service: service)
            guard let operation = service.operation(for: request, form: form) else {
                throw service.unknownOperation(form["Action"] ?? request.header("X-Amz-Target"))
            }
            return try self.call(service, operation: operation, principal: principal, request: request, form: form,
                                 region: authorization.region, requestId: requestId)
        }
    }

    /// Everything after authentication: counters, account denial, permissions, quotas, faults, the engine.
    private func call(_ service: SandboxService, operation: String, principal: SandboxPrincipal?,
                      request: SandboxHTTPRequest, form: [String: String], region: String,
                      requestId: String) throws(SandboxAPIError) -> SandboxHTTPResponse {
        let account = principal?.accountId ?? "anonymous"
        let action = "\(service.rawValue):\(operation)"
        counters.recordRequest(service: service.rawValue, operation: operation, account: account)
        // sts:GetCallerIdentity needs no permission on AWS: no policy can deny it.
        if let principal, faults.plan.denyAccounts.contains(account), action != "sts:GetCallerIdentity" {
            counters.recordFault("deny_account")
            throw service.accessDenied("User: \(principal.arn) is not authorized to perform: \(action) (the sandbox's deny_account fault denies every call of account \(account)).")
        }
        if let principal, service != .sts { try authorize(principal, action: action, service: service) }
        if let quotas, !quotas.admit(action: action, account: account, region: region, arrivedAt: request.arrivedAtNanoseconds) {
            counters.recordThrottle(service: service.rawValue, operation: operation)
            throw service.throttled()
        }
        let decision = faults.nextDecision()
        switch decision {
        case .serverError(let status, let code):
            counters.recordFault("server_error")
            throw SandboxAPIError(code: code, message: "The sandbox injected a \(status) fault; retry the request.", status: status)
        case .throttle:
            counters.recordFault("throttle")
            counters.recordThrottle(service: service.rawValue, operation: operation)
            throw service.throttled()
        case .reset:
            counters.recordFault("reset")
            return SandboxHTTPResponse(status: 200, headers: [], body: Data(), delivery: .reset)
        case .none, .truncate, .garble:
            break
        }
        // Engines answer from the data clock; STS sessions live on the signing clock, like signatures.
        let now = service == .sts ? clock.signingNow() : clock.now()
        let reply = try answerCall(service, operation: operation, principal: principal, request: request, form: form,
                                   region: region, now: now, requestId: requestId)
        var response = SandboxHTTPResponse(status: reply.status, headers: reply.headers + [("x-amzn-RequestId", requestId)],
                                           body: reply.body)
        if decision == .truncate {
            counters.recordFault("truncate")
            response.delivery = .truncated
        } else if decision == .garble {
            counters.recordFault("garble")
            response.body = Self.garbled(response.body)
        }
        return response
    }

    private func answerCall(_ service: SandboxService, operation: String, principal: SandboxPrincipal?,
                            request: SandboxHTTPRequest, form: [String: String], region: String, now: Date,
                            requestId: String) throws(SandboxAPIError) -> SandboxReply {
        switch (service, operation, principal) {
        case (.sts, "AssumeRoleWithWebIdentity", _):
            return try sts.assumeRoleWithWebIdentity(parameters: form, now: now, requestId: requestId)
        case (.sts, "AssumeRole", let principal?):
            return try sts.assumeRole(caller: principal, parameters: form, now: now, requestId: requestId)
        case (.sts, "GetCallerIdentity", let principal?):
            return sts.getCallerIdentity(caller: principal, requestId: requestId)
        case (_, _, let principal?):
            guard let engine = engines.engine(for: service) else { throw service.unknownOperation(operation) }
            let path = request.rawPath.removingPercentEncoding ?? request.rawPath
            return try engine.handle(SandboxCall(
                service: service.callName, operation: operation, accountId: principal.accountId,
                principalArn: principal.arn, region: region, method: request.method, path: path,
                query: request.queryParameters, headers: request.headers, body: request.body, now: now,
                signingNow: clock.signingNow(), requestId: requestId))
        default:
            throw service.unrecognizedClient()
        }
    }

    // MARK: - Authentication and permission

    private func authenticate(_ request: SandboxHTTPRequest, _ authorization: SigV4Authorization,
                              service: SandboxService) throws(SandboxAPIError) -> SandboxPrincipal {
        guard authorization.signedHeaders.contains("host"), authorization.signedHeaders.contains("x-amz-date") else {
            throw service.incompleteSignature("The request must sign the 'host' and 'x-amz-date' headers (SignedHeaders=\(authorization.signedHeaders.joined(separator: ";"))).")
        }
        guard let amzDate = request.header("X-Amz-Date"), let signedAt = AmzDate.parse(amzDate) else {
            throw service.incompleteSignature("Authorization header requires existence of a valid 'X-Amz-Date' header (yyyyMMdd'T'HHmmss'Z').")
        }
        guard amzDate.prefix(8) == authorization.date else {
            throw service.signatureMismatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '\(authorization.date)' != '\(amzDate.prefix(8))', from '\(amzDate)'.")
        }
        // The skew is measured against the signing clock (real time), never the scenario's data clock.
        let now = clock.signingNow()
        if signedAt < now.addingTimeInterval(-SigV4Verifier.allowedSkew) {
            throw service.signatureMismatch("Signature expired: \(amzDate) is now earlier than \(AmzDate.format(now.addingTimeInterval(-SigV4Verifier.allowedSkew))) (\(AmzDate.format(now)) - 15 min.)")
        }
        if signedAt > now.addingTimeInterval(SigV4Verifier.allowedSkew) {
            throw service.signatureMismatch("Signature not yet current: \(amzDate) is still later than \(AmzDate.format(now.addingTimeInterval(SigV4Verifier.allowedSkew))) (\(AmzDate.format(now)) + 15 min.)")
        }
        if let hostRegion = Self.region(inHost: request.header("Host")), hostRegion != authorization.region {
            throw service.signatureMismatch("Credential should be scoped to a valid region, not '\(authorization.region)' (the endpoint is in \(hostRegion)).")
        }
        if service == .ce, authorization.region != "us-east-1" {
            throw service.signatureMismatch("Credential should be scoped to a valid region, not '\(authorization.region)'. Cost Explorer signs for us-east-1.")
        }
        guard let principal = identities.principal(accessKeyId: authorization.accessKeyId) else {
            throw service.unrecognizedClient()
        }
        if let token = principal.sessionToken {
            guard let sent = request.header("X-Amz-Security-Token"), SigV4Verifier.constantTimeEquals(sent, token) else {
                throw service.unrecognizedClient()
            }
        }
        let canonical = SigV4Verifier.canonicalRequest(
            method: request.method, rawPath: request.rawPath, rawQuery: request.rawQuery, headers: request.headers,
            signedHeaders: authorization.signedHeaders, body: request.body)
        let expected = SigV4Verifier.signature(secret: principal.secretAccessKey, amzDate: amzDate,
                                               authorization: authorization, canonicalRequest: canonical)
        guard SigV4Verifier.constantTimeEquals(expected, authorization.signature.lowercased()) else {
            throw service.signatureMismatch("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
        }
        if let expiresAt = principal.expiresAt, now >= expiresAt { throw service.expiredToken() }
        return principal
    }

    /// A role session may call an operation only when its role's `allowed_actions` and its
    /// session policy (if any) allow it; IAM users may call everything.
    private func authorize(_ principal: SandboxPrincipal, action: String, service: SandboxService) throws(SandboxAPIError) {
        guard case .roleSession(let roleArn, _, let sessionPolicy) = principal.kind else { return }
        let roleAllows = identities.role(arn: roleArn).map { WildcardPattern.actionAllowed(action, by: $0.definition.allowedActions) } ?? false
        guard roleAllows else {
            throw service.accessDenied("User: \(principal.arn) is not authorized to perform: \(action) because no identity-based policy allows the \(action) action")
        }
        if let sessionPolicy, !sessionPolicy.allows(action: action, resource: nil) {
            throw service.accessDenied("User: \(principal.arn) is not authorized to perform: \(action) because no session policy allows the \(action) action")
        }
    }

    // MARK: - Helpers

    private func answer(service: SandboxService, requestId: String,
                        _ body: () throws(SandboxAPIError) -> SandboxHTTPResponse) -> SandboxHTTPResponse {
        do {
            return try body()
        } catch {
            return SandboxErrorRenderer.render(error, wire: service.wire, requestId: requestId)
        }
    }

    private func missingAuthentication(_ request: SandboxHTTPRequest, form: [String: String], requestId: String) -> SandboxHTTPResponse {
        let service = guessedService(request, form: form)
        let error = service == .sts
            ? SandboxAPIError(code: "MissingAuthenticationToken", message: "Request is missing Authentication Token", status: 403)
            : SandboxAPIError(code: "MissingAuthenticationTokenException", message: "Missing Authentication Token",
                              status: service.wire == .restJSON ? 403 : 400)
        return SandboxErrorRenderer.render(error, wire: service.wire, requestId: requestId)
    }

    /// The service a request looks like when its credential scope cannot say.
    private func guessedService(_ request: SandboxHTTPRequest, form: [String: String]) -> SandboxService {
        if let target = request.header("X-Amz-Target") {
            return target.hasPrefix("AWSInsightsIndexService") ? .ce : .athena
        }
        return form["Action"] != nil ? .sts : .quicksight
    }

    /// Query-protocol parameters: the form body of a POST, else the query string.
    private func formParameters(_ request: SandboxHTTPRequest) -> [String: String] {
        let contentType = request.header("Content-Type") ?? ""
        if request.method == "POST", contentType.hasPrefix("application/x-www-form-urlencoded") {
            return FormEncoding.decode(String(decoding: request.body, as: UTF8.self))
        }
        return request.method == "GET" ? request.queryParameters : [:]
    }

    /// "sts.eu-west-1.amazonaws.com" → "eu-west-1"; nil for IP addresses and other hosts.
    static func region(inHost host: String?) -> String? {
        guard let host = host?.split(separator: ":").first, host.hasSuffix(".amazonaws.com") else { return nil }
        let labels = host.split(separator: ".")
        return labels.count >= 4 ? String(labels[labels.count - 3]) : nil
    }

    /// A body that keeps its status but no longer parses as JSON or XML.
    static func garbled(_ body: Data) -> Data {
        body.prefix(body.count / 2) + Data("\u{1}<<garbled\"}".utf8)
    }
}
