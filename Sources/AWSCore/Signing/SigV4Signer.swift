import Crypto
import Foundation

/// AWS Signature Version 4 in the `Authorization` header, as botocore signs requests to
/// services other than S3. A value type with no clock of its own: the caller passes the date.
public struct SigV4Signer: Sendable, CustomStringConvertible {
    public var credentials: AWSCredentials
    public var signingName: String
    public var region: String

    public init(credentials: AWSCredentials, signingName: String, region: String) {
        self.credentials = credentials
        self.signingName = signingName
        self.region = region
    }

    /// Returns the request with `X-Amz-Date`, `X-Amz-Security-Token` (for temporary credentials),
    /// `Host` (when absent) and `Authorization` set, signed at `date`.
    public func sign(_ request: HTTPRequest, date: Date) -> HTTPRequest {
        signing(request, date: date).request
    }

    /// Signs `request` at `date` and returns the signed request with every intermediate step.
    public func signing(_ request: HTTPRequest, date: Date) -> SigV4SigningResult {
        let timestamp = SigV4Timestamp(date)
        var prepared = request
        prepared.headers.remove("Authorization")
        if !prepared.headers.contains("Host") { prepared.headers["Host"] = request.hostHeader }
        prepared.headers["X-Amz-Date"] = timestamp.amzDate
        // Added before signing so the token is covered by the signature, as botocore does.
        if let token = credentials.sessionToken { prepared.headers["X-Amz-Security-Token"] = token }

        let canonical = SigV4CanonicalRequest(prepared)
        let scope = "\(timestamp.dateStamp)/\(region)/\(signingName)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", timestamp.amzDate, scope, SigV4Hex.encode(SHA256.hash(data: Data(canonical.text.utf8))),
        ].joined(separator: "\n")
        let code = HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: signingKey(dateStamp: timestamp.dateStamp))
        let signature = SigV4Hex.encode(code)
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        prepared.headers["Authorization"] = authorization

        return SigV4SigningResult(
            request: prepared, canonicalRequest: canonical.text, stringToSign: stringToSign, credentialScope: scope,
            signedHeaders: canonical.signedHeaders, signature: signature, authorization: authorization)
    }

    public var description: String {
        "SigV4Signer(accessKeyId: \(credentials.accessKeyId), signingName: \(signingName), region: \(region))"
    }

    /// The day's key: HMAC chained over date, region, service and "aws4_request", seeded with the secret.
    private func signingKey(dateStamp: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [dateStamp, region, signingName, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key))
        }
        return key
    }
}
