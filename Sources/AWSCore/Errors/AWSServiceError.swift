import Foundation

/// An error answered by an AWS service, whatever its protocol (XML, JSON body, or the
/// `x-amzn-ErrorType` header), in one shape that says where it came from.
public struct AWSServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service's short name, e.g. "STS", "Athena".
    public var service: String
    /// The operation that failed, e.g. "AssumeRole".
    public var operation: String
    /// The AWS error code without namespace, e.g. "AccessDenied", "ThrottlingException".
    public var code: String
    public var message: String
    public var httpStatus: Int
    public var requestId: String?

    public init(service: String, operation: String, code: String, message: String, httpStatus: Int, requestId: String?) {
        self.service = service
        self.operation = operation
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.requestId = requestId
    }

    /// The service throttled the call (Cost Explorer's `LimitExceededException`, STS's `Throttling`,
    /// `ThrottlingException`, …); see `AWSErrorDecoder.throttlingCodes`.
    public var isThrottling: Bool { AWSErrorDecoder.throttlingCodes.contains(code) }

    /// The credentials that signed the call have expired; see `AWSErrorDecoder.expiredTokenCodes`.
    public var isExpiredToken: Bool { AWSErrorDecoder.expiredTokenCodes.contains(code) }

    /// The caller may not perform the call (`AccessDenied`, `AccessDeniedException`).
    public var isAccessDenied: Bool { AWSErrorDecoder.accessDeniedCodes.contains(code) }

    public var description: String {
        var text = "\(service) \(operation) failed with \(code) (HTTP \(httpStatus))"
        if !message.isEmpty { text += ": \(message)" }
        if let requestId, !requestId.isEmpty { text += " [request id \(requestId)]" }
        return text
    }
}

/// A failure of the client side of a call: the transport, credentials, or a response we cannot read.
public enum AWSClientError: Error, Sendable, CustomStringConvertible {
    /// The request did not complete (after retries when the failure was retryable).
    case transport(service: String, operation: String, HTTPClientError)
    /// The response arrived but is not what the service's model says it should be.
    case invalidResponse(service: String, operation: String, detail: String)
    /// No credentials could be had.
    case credentials(service: String, operation: String, CredentialProviderError)
    /// The request could not be built (a bad endpoint URL, a parameter out of its limits).
    case invalidRequest(service: String, operation: String, detail: String)

    public var description: String {
        switch self {
        case let .transport(service, operation, error):
            return "\(service) \(operation): \(error)"
        case let .invalidResponse(service, operation, detail):
            return "\(service) \(operation): unexpected response: \(detail)"
        case let .credentials(service, operation, error):
            return "\(service) \(operation): no credentials: \(error)"
        case let .invalidRequest(service, operation, detail):
            return "\(service) \(operation): invalid request: \(detail)"
        }
    }
}
