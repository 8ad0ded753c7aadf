import Foundation

/// AWS Signature Version 4. PLACEHOLDER: being implemented.
public struct SigV4Signer: Sendable {
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
        request
    }
}
