import Foundation

/// One complete HTTP request as the server received it (path and query still percent-encoded).
public struct SandboxHTTPRequest: Sendable {
    public var method: String
    /// The request target: "/path?query".
    public var uri: String
    public var headers: [(String, String)]
    public var body: Data
    /// When the request had fully arrived, on the quotas' clock: AWS counts a call against its quota
    /// when it reaches the service, not when a busy sandbox gets round to it.
    public var arrivedAtNanoseconds: UInt64?

    public init(method: String, uri: String, headers: [(String, String)], body: Data = Data(),
                arrivedAtNanoseconds: UInt64? = nil) {
        self.method = method
        self.uri = uri
        self.headers = headers
        self.body = body
        self.arrivedAtNanoseconds = arrivedAtNanoseconds
    }

    public var rawPath: String { String(uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]) }

    public var rawQuery: String {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count > 1 ? String(parts[1]) : ""
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    /// Query parameters, decoded.
    public var queryParameters: [String: String] { FormEncoding.decode(rawQuery) }
}

/// How the server should deliver an answer: normally, cut short, or not at all.
public enum SandboxDelivery: Sendable, Equatable {
    case complete
    /// Headers promise the whole body; only half is sent, then the connection closes.
    case truncated
    /// The connection closes without any answer.
    case reset
}

/// The answer to one request, plus how (and how late) to deliver it.
public struct SandboxHTTPResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data
    public var delivery: SandboxDelivery
    public var delay: Duration

    public init(status: Int, headers: [(String, String)], body: Data, delivery: SandboxDelivery = .complete,
                delay: Duration = .zero) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delivery = delivery
        self.delay = delay
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    static func json(_ object: Any, status: Int = 200, contentType: String = "application/json") -> SandboxHTTPResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return SandboxHTTPResponse(status: status, headers: [("Content-Type", contentType)], body: data)
    }
}

/// `application/x-www-form-urlencoded` and query-string decoding (`+` is a space).
enum FormEncoding {
    static func decode(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for item in text.split(separator: "&") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decodeComponent(String(parts[0]))
            result[key] = parts.count > 1 ? decodeComponent(String(parts[1])) : ""
        }
        return result
    }

    private static func decodeComponent(_ text: String) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
