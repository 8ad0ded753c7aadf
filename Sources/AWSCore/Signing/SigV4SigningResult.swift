/// Everything one signing produced: the request to send and each intermediate step, so a
/// signature mismatch can be traced to the canonical request or the string to sign.
/// Its description leaves out the request, whose headers carry the session token.
public struct SigV4SigningResult: Sendable, CustomStringConvertible {
    /// The request with `Host`, `X-Amz-Date`, `X-Amz-Security-Token` (when any) and `Authorization` set.
    public var request: HTTPRequest
    public var canonicalRequest: String
    public var stringToSign: String
    /// "date/region/service/aws4_request".
    public var credentialScope: String
    /// Lower-cased header names, sorted and joined with ";".
    public var signedHeaders: String
    /// The hex HMAC-SHA256 signature.
    public var signature: String
    /// The `Authorization` header value.
    public var authorization: String

    public var description: String {
        "SigV4SigningResult(scope: \(credentialScope), signedHeaders: \(signedHeaders), signature: \(signature))"
    }
}
