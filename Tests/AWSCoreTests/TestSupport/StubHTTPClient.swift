import AWSCore
import Foundation
import Synchronization

/// An `HTTPClient` that answers with a closure and remembers every request it was given.
/// The closure gets the zero-based index of the call, so a test can script "fail, then succeed".
final class StubHTTPClient: HTTPClient {
    typealias Handler = @Sendable (_ request: HTTPRequest, _ callIndex: Int) async throws -> HTTPResponse

    private let handler: Handler
    private let sent = Mutex<[HTTPRequest]>([])

    init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    /// A stub answering every call with the same response.
    convenience init(always response: HTTPResponse) {
        self.init { _, _ in response }
    }

    /// The requests sent so far, in order.
    var requests: [HTTPRequest] { sent.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let index = sent.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
        return try await handler(request, index)
    }
}
