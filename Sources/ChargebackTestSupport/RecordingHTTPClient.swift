import AWSCore
import Foundation
import Synchronization

/// Passes requests to another client, counts them (failed ones included) and remembers the error
/// responses, so a test can tell how many attempts a call made, and a credential refreshed in
/// time from one replaced only after AWS refused it.
public final class RecordingHTTPClient: HTTPClient {
    private struct Record {
        var sent = 0
        var errorBodies: [String] = []
    }

    private let wrapped: any HTTPClient
    private let record = Mutex(Record())

    public init(wrapping wrapped: any HTTPClient) {
        self.wrapped = wrapped
    }

    /// Requests sent so far, failed ones included.
    public var count: Int { record.withLock { $0.sent } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        record.withLock { $0.sent += 1 }
        let response = try await wrapped.send(request)
        if response.status >= 400 {
            let body = String(decoding: response.body, as: UTF8.self)
            record.withLock { $0.errorBodies.append(body) }
        }
        return response
    }

    /// Error responses whose body names `code` (STS's XML `<Code>` or the JSON services' `__type`).
    public func errorResponses(naming code: String) -> Int {
        record.withLock { record in
            record.errorBodies.filter { $0.contains("<Code>\(code)</Code>") || $0.contains("\"\(code)\"") }.count
        }
    }
}
