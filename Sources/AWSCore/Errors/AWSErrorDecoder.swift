import Foundation

/// Turns an HTTP error response into an `AWSServiceError`, whichever way the service said it:
/// an XML `ErrorResponse` (query protocol), a JSON body with `__type`/`code`, or the
/// `x-amzn-ErrorType` header.
public enum AWSErrorDecoder {
    public static func decode(_ response: HTTPResponse, service: String, operation: String) -> AWSServiceError {
        var code: String?
        var message: String?
        var requestId = response.headers["x-amzn-RequestId"] ?? response.headers["x-amz-request-id"]

        if let header = response.headers["x-amzn-ErrorType"], !header.isEmpty {
            code = sanitizeCode(header)
        }
        let body = response.body
        let firstByte = body.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if firstByte == UInt8(ascii: "<"), let xml = try? XMLNode.parse(body) {
            let error = xml.name == "Error" ? xml : (xml["Error"] ?? xml["Errors", "Error"])
            if let error {
                code = code ?? error.string("Code").map(sanitizeCode)
                message = error.string("Message")
            }
            requestId = requestId ?? xml.string("RequestId") ?? xml.string("RequestID")
        } else if firstByte == UInt8(ascii: "{"),
                  let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] {
            let bodyCode = (object["__type"] ?? object["code"] ?? object["Code"]) as? String
            code = code ?? bodyCode.map(sanitizeCode)
            message = (object["message"] ?? object["Message"] ?? object["errorMessage"]) as? String
        }
        let fallback = response.status == 429 ? "Throttling" : "HTTP\(response.status)"
        return AWSServiceError(service: service, operation: operation, code: code.flatMap { $0.isEmpty ? nil : $0 } ?? fallback,
                               message: message ?? "", httpStatus: response.status, requestId: requestId)
    }

    /// Codes AWS services use to say a call was throttled: the throttling codes of AWS's standard
    /// retry mode, as botocore lists them, plus EC2's. Cost Explorer throttles with
    /// `LimitExceededException`, STS with `Throttling`, Athena and QuickSight with `ThrottlingException`.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "EC2ThrottledException",
    ]

    /// Codes that say the request's credentials have expired: STS's `ExpiredToken`, the JSON
    /// services' `ExpiredTokenException`, and `RequestExpired` (a signature date too old).
    public static let expiredTokenCodes: Set<String> = ["ExpiredToken", "ExpiredTokenException", "RequestExpired"]

    /// Codes that say the caller is not allowed: STS's `AccessDenied`, the JSON and REST services'
    /// `AccessDeniedException`.
    public static let accessDeniedCodes: Set<String> = ["AccessDenied", "AccessDeniedException"]

    /// Codes that say the request itself is wrong, so sending it again cannot help: denied,
    /// unknown, badly signed or expired credentials, and invalid parameters or policies.
    public static let callerErrorCodes: Set<String> = accessDeniedCodes.union([
        "UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch", "InvalidSignatureException",
        "ExpiredToken", "ExpiredTokenException", "ValidationException", "InvalidParameterException",
        "InvalidRequestException", "MalformedPolicyDocument", "PackedPolicyTooLarge", "IncompleteSignature",
        "MissingAuthenticationToken",
    ])

    /// "com.amazon.coral#ThrottlingException" and "ThrottlingException:http://…" both become "ThrottlingException".
    static func sanitizeCode(_ raw: String) -> String {
        var code = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hash = code.lastIndex(of: "#") { code = String(code[code.index(after: hash)...]) }
        if let colon = code.firstIndex(of: ":") { code = String(code[..<colon]) }
        return code
    }
}
