import AWSCore
import Foundation
import Synchronization

/// Passes requests to another client and remembers the error responses, so a test can tell a
/// credential refreshed in time from one replaced only after AWS refused it.
final class RecordingHTTPClient: HTTPClient {
    private let wrapped: any HTTPClient
    private let errorBodies = Mutex<[String]>([])

    init(wrapping wrapped: any HTTPClient) {
        self.wrapped = wrapped
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await wrapped.send(request)
        if response.status >= 400 {
            let body = String(decoding: response.body, as: UTF8.self)
            errorBodies.withLock { $0.append(body) }
        }
        return response
    }

    /// Error responses whose body names `code` (STS's XML `<Code>` or the JSON services' `__type`).
    func errorResponses(naming code: String) -> Int {
        errorBodies.withLock { bodies in
            bodies.filter { $0.contains("<Code>\(code)</Code>") || $0.contains("\"\(code)\"") }.count
        }
    }
}
