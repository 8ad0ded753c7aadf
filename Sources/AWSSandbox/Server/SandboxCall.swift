import Foundation

/// One authenticated API call, as the router hands it to a service engine.
public struct SandboxCall: Sendable {
    /// "STS", "Athena", "CostExplorer", "QuickSight".
    public var service: String
    /// The operation name ("ListQueryExecutions"; for REST-JSON the router derives it from the route).
    public var operation: String
    /// The caller's account (from its credentials; every API answers for this account only).
    public var accountId: String
    /// The caller's principal ARN.
    public var principalArn: String
    /// The region of the credential scope.
    public var region: String
    public var method: String
    /// The decoded path ("/accounts/111111111111/data-sources").
    public var path: String
    /// Decoded query parameters.
    public var query: [String: String]
    public var headers: [(String, String)]
    public var body: Data
    /// The sandbox data clock's time when the call arrived.
    public var now: Date
    /// The signing clock's (real) time when the call arrived.
    public var signingNow: Date
    /// The request id the router answers with in `x-amzn-RequestId`; bodies that echo it use the same.
    public var requestId: String

    public init(service: String, operation: String, accountId: String, principalArn: String, region: String,
                method: String, path: String, query: [String: String], headers: [(String, String)], body: Data, now: Date,
                signingNow: Date? = nil, requestId: String = UUID().uuidString.lowercased()) {
        self.service = service
        self.operation = operation
        self.accountId = accountId
        self.principalArn = principalArn
        self.region = region
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.now = now
        self.signingNow = signingNow ?? now
        self.requestId = requestId
    }
}

/// What an engine answers: a status, headers and a body in the service's wire format.
public struct SandboxReply: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data

    public init(status: Int = 200, headers: [(String, String)] = [], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON 1.1 / REST-JSON success.
    public static func json(_ object: Any, status: Int = 200, contentType: String = "application/x-amz-json-1.1") -> SandboxReply {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return SandboxReply(status: status, headers: [("Content-Type", contentType)], body: data)
    }
}

/// An AWS error the sandbox answers with; the router renders it in the service's error format
/// (XML ErrorResponse for STS, `__type` JSON for JSON 1.1, `x-amzn-ErrorType` + JSON for REST-JSON).
public struct SandboxAPIError: Error, Sendable, Equatable {
    public var code: String
    public var message: String
    public var status: Int

    public init(code: String, message: String, status: Int = 400) {
        self.code = code
        self.message = message
        self.status = status
    }

    public static func validation(_ message: String) -> SandboxAPIError {
        SandboxAPIError(code: "ValidationException", message: message, status: 400)
    }
    public static func invalidRequest(_ message: String) -> SandboxAPIError {
        SandboxAPIError(code: "InvalidRequestException", message: message, status: 400)
    }
}

/// A service emulated by the sandbox. Engines keep their state behind a lock and answer
/// synchronously; the server calls them off the event loop.
public protocol SandboxServiceEngine: Sendable {
    func handle(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply
}
