import Foundation

/// Renders a `SandboxAPIError` the way the service's protocol does on the wire.
enum SandboxErrorRenderer {
    static func render(_ error: SandboxAPIError, wire: SandboxService.WireProtocol, requestId: String) -> SandboxHTTPResponse {
        var response: SandboxHTTPResponse
        switch wire {
        case .query:
            response = SandboxHTTPResponse(status: error.status, headers: [("Content-Type", "text/xml")],
                                           body: STSXML.error(error, requestId: requestId))
        case .json11:
            response = .json(["__type": error.code, "message": error.message], status: error.status,
                             contentType: "application/x-amz-json-1.1")
        case .restJSON:
            response = .json(["Message": error.message, "RequestId": requestId], status: error.status)
            response.headers.append(("x-amzn-ErrorType", error.code))
        }
        response.headers.append(("x-amzn-RequestId", requestId))
        return response
    }
}

/// The authentication and routing errors, with each service's own code and status for them.
extension SandboxService {
    func unknownOperation(_ name: String?) -> SandboxAPIError {
        let shown = name ?? "(none)"
        switch wire {
        case .query:
            return SandboxAPIError(code: "InvalidAction", message: "Could not find operation \(shown) for version 2011-06-15", status: 400)
        case .json11:
            return SandboxAPIError(code: "UnknownOperationException", message: "The operation \(shown) is not supported by \(callName).", status: 400)
        case .restJSON:
            return SandboxAPIError(code: "UnknownOperationException", message: "No QuickSight operation matches this method and path.", status: 404)
        }
    }

    func unrecognizedClient() -> SandboxAPIError {
        self == .sts
            ? SandboxAPIError(code: "InvalidClientTokenId", message: "The security token included in the request is invalid.", status: 403)
            : SandboxAPIError(code: "UnrecognizedClientException", message: "The security token included in the request is invalid.",
                              status: wire == .restJSON ? 403 : 400)
    }

    func expiredToken() -> SandboxAPIError {
        self == .sts
            ? SandboxAPIError(code: "ExpiredToken", message: "The security token included in the request is expired", status: 400)
            : SandboxAPIError(code: "ExpiredTokenException", message: "The security token included in the request is expired",
                              status: wire == .restJSON ? 403 : 400)
    }

    /// STS (query protocol) says SignatureDoesNotMatch; the JSON services say InvalidSignatureException.
    func signatureMismatch(_ message: String) -> SandboxAPIError {
        switch self {
        case .sts: SandboxAPIError(code: "SignatureDoesNotMatch", message: message, status: 403)
        case .athena, .ce: SandboxAPIError(code: "InvalidSignatureException", message: message, status: 400)
        case .quicksight: SandboxAPIError(code: "InvalidSignatureException", message: message, status: 403)
        }
    }

    func incompleteSignature(_ message: String) -> SandboxAPIError {
        SandboxAPIError(code: self == .sts ? "IncompleteSignature" : "IncompleteSignatureException", message: message, status: 400)
    }

    func throttled() -> SandboxAPIError {
        switch self {
        case .sts: SandboxAPIError(code: "Throttling", message: "Rate exceeded", status: 400)
        case .athena: SandboxAPIError(code: "ThrottlingException", message: "Rate exceeded", status: 400)
        // Cost Explorer signals its request limit with LimitExceededException.
        case .ce: SandboxAPIError(code: "LimitExceededException", message: "Rate exceeded", status: 400)
        case .quicksight: SandboxAPIError(code: "ThrottlingException", message: "Rate exceeded", status: 429)
        }
    }

    func accessDenied(_ message: String) -> SandboxAPIError {
        switch self {
        case .sts: SandboxAPIError(code: "AccessDenied", message: message, status: 403)
        case .athena, .ce: SandboxAPIError(code: "AccessDeniedException", message: message, status: 400)
        case .quicksight: SandboxAPIError(code: "AccessDeniedException", message: message, status: 401)
        }
    }
}
