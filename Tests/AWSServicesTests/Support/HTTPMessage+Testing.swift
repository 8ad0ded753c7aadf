import AWSCore
import Foundation
import Synchronization
import Testing

extension HTTPResponse {
    static func json(_ body: Data, status: Int = 200, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all = headers
        all["Content-Type"] = "application/x-amz-json-1.1"
        return HTTPResponse(status: status, headers: all, body: body)
    }

    static func xml(_ body: Data, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/xml"], body: body)
    }
}

extension HTTPRequest {
    /// The body as a JSON object.
    func jsonBody() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: body) as? [String: Any])
    }

    /// The form fields of a query-protocol body, decoded.
    func formFields() -> [String: String] { Self.decodedPairs(String(decoding: body, as: UTF8.self)) }

    /// The query string's parameters, decoded.
    func queryItems() -> [String: String] { Self.decodedPairs(query) }

    /// `name=value&…` with each side percent-decoded (kept as sent when it does not decode).
    private static func decodedPairs(_ text: String) -> [String: String] {
        var pairs: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            pairs[name] = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
        }
        return pairs
    }
}
