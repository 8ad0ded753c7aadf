import ChargebackBuildInfo
import Foundation
import Logging

/// Sends operations to AWS services: resolves the endpoint, signs with SigV4, retries what
/// is retryable, and turns error responses into `AWSServiceError`. One value per credential
/// source and region; cheap to copy.
public struct AWSClient: Sendable {
    public var http: any HTTPClient
    public var credentialProvider: any CredentialProvider
    public var region: String
    public var endpoints: EndpointResolver
    public var retry: RetryPolicy
    /// The signing clock; injected so tests can pin the date.
    public var clock: @Sendable () -> Date
    public var logger: Logger
    public var userAgent: String
    /// Paces every attempt (retries included) to the account's API quotas; nil sends at once.
    /// Shared by all clients acting in one account.
    public var rateLimiter: RateLimiter?

    public init(http: any HTTPClient, credentialProvider: any CredentialProvider, region: String,
                endpoints: EndpointResolver = EndpointResolver(), retry: RetryPolicy = RetryPolicy(),
                clock: @escaping @Sendable () -> Date = { Date() },
                logger: Logger = Logger(label: "chargeback.aws"), userAgent: String = ChargebackVersion.userAgent,
                rateLimiter: RateLimiter? = nil) {
        self.http = http
        self.credentialProvider = credentialProvider
        self.region = region
        self.endpoints = endpoints
        self.retry = retry
        self.clock = clock
        self.logger = logger
        self.userAgent = userAgent
        self.rateLimiter = rateLimiter
    }

    /// The same client with other credentials (a role in the chain) or another region.
    public func with(credentials provider: (any CredentialProvider)? = nil, region: String? = nil) -> AWSClient {
        var copy = self
        if let provider { copy.credentialProvider = provider }
        if let region { copy.region = region }
        return copy
    }

    /// Sends `request` (method, path, query, headers and body; the host comes from the endpoint)
    /// and returns the successful response, or throws `AWSServiceError` / `AWSClientError`.
    /// `signed: false` is for the few unsigned operations (AssumeRoleWithWebIdentity).
    public func send(_ request: HTTPRequest, service: AWSServiceDescriptor, operation: String,
                     signed: Bool = true) async throws -> HTTPResponse {
        try await send(request, service: service, operation: operation, signed: signed) { $0 }
    }

    /// Sends `request` and reads its successful response with `parse`, inside the retry loop: an
    /// answer that arrives whole but cannot be read (garbled or cut by a proxy or a flaky path,
    /// `AWSClientError.invalidResponse`) is asked for again like any other transient failure.
    public func send<Output>(_ request: HTTPRequest, service: AWSServiceDescriptor, operation: String,
                             signed: Bool = true,
                             parse: @escaping @Sendable (HTTPResponse) throws -> Output) async throws -> Output {
        let read: @Sendable (HTTPResponse) throws -> Parsed<Output> = { Parsed(value: try parse($0)) }
        do {
            return try await sendWithRetries(request, service: service, operation: operation, signed: signed, read: read).value
        } catch let error as AWSServiceError where signed && error.isExpiredToken {
            // The service says the credentials expired although the cache thought them good:
            // fetch new ones once and try again.
            guard let refreshable = credentialProvider as? any RefreshableCredentialProvider else { throw error }
            logger.notice("credentials expired before their stated expiry; refreshing", metadata: [
                "service": "\(service.name)", "operation": "\(operation)",
            ])
            await refreshable.invalidate()
            return try await sendWithRetries(request, service: service, operation: operation, signed: signed, read: read).value
        }
    }

    /// A parsed answer handed out of the retry loop; it crosses no task boundary.
    private struct Parsed<Value>: @unchecked Sendable {
        let value: Value
    }

    private func sendWithRetries<Output>(_ request: HTTPRequest, service: AWSServiceDescriptor, operation: String,
                                         signed: Bool,
                                         read: @escaping @Sendable (HTTPResponse) throws -> Parsed<Output>)
        async throws -> Parsed<Output> {
        let endpoint: Endpoint
        do {
            endpoint = try endpoints.endpoint(for: service, region: region)
        } catch {
            throw AWSClientError.invalidRequest(service: service.name, operation: operation, detail: "\(error)")
        }
        var base = request
        base.scheme = endpoint.scheme
        base.host = endpoint.host
        base.port = endpoint.port
        base.path = endpoint.basePath + (request.path.hasPrefix("/") ? request.path : "/" + request.path)
        let prepared = base
        let signingRegion = service.signingRegion(for: region)
        let logger = self.logger
        let http = self.http
        let rateLimiter = self.rateLimiter
        let rateLimitKey = RateLimitKey(region: signingRegion, service: service.signingName, operation: operation)

        return try await retry.run({ attempt in
            if let rateLimiter {
                let waited = try await rateLimiter.acquire(rateLimitKey)
                if waited > 0 {
                    logger.trace("rate limited", metadata: [
                        "service": "\(service.name)", "operation": "\(operation)", "attempt": "\(attempt)",
                        "waited_s": "\(String(format: "%.3f", waited))",
                    ])
                }
            }
            var outgoing = prepared
            if signed {
                let credentials: AWSCredentials
                do {
                    credentials = try await credentialProvider.credentials()
                } catch let error as CredentialProviderError {
                    throw AWSClientError.credentials(service: service.name, operation: operation, error)
                }
                let signer = SigV4Signer(credentials: credentials, signingName: service.signingName, region: signingRegion)
                outgoing = signer.sign(outgoing, date: clock())
            }
            outgoing.headers["User-Agent"] = userAgent
            logger.trace("request", metadata: [
                "service": "\(service.name)", "operation": "\(operation)", "host": "\(outgoing.hostHeader)",
                "attempt": "\(attempt)",
            ])
            let response: HTTPResponse
            do {
                response = try await http.send(outgoing)
            } catch let error as HTTPClientError {
                throw AWSClientError.transport(service: service.name, operation: operation, error)
            }
            guard (200..<300).contains(response.status) else {
                throw AWSErrorDecoder.decode(response, service: service.name, operation: operation)
            }
            logger.trace("response", metadata: [
                "service": "\(service.name)", "operation": "\(operation)", "status": "\(response.status)",
                "bytes": "\(response.body.count)",
            ])
            return try read(response)
        }, onRetry: { attempt, error, delay in
            logger.debug("retrying", metadata: [
                "service": "\(service.name)", "operation": "\(operation)", "attempt": "\(attempt)",
                "delay_s": "\(String(format: "%.3f", delay))", "error": "\(Self.summary(of: error))",
            ])
        })
    }

    /// A one-line, secret-free summary of an error for logs.
    static func summary(of error: any Error) -> String {
        switch error {
        case let error as AWSServiceError: return "\(error.code) (HTTP \(error.httpStatus))"
        case let AWSClientError.transport(_, _, error): return error.kind.rawValue
        default: return String(describing: type(of: error))
        }
    }
}
