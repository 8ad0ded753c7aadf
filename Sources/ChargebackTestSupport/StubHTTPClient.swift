import AWSCore
import Foundation
import Synchronization

/// An `HTTPClient` that answers from a script and remembers every request it was given: a
/// closure of the request and the zero-based call index ("fail, then succeed"), a queue of
/// canned responses (the last one repeats), or one response for every call.
public final class StubHTTPClient: HTTPClient {
    public typealias Handler = @Sendable (_ request: HTTPRequest, _ callIndex: Int) async throws -> HTTPResponse

    private let handler: Handler
    private let sent = Mutex<[HTTPRequest]>([])

    public init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    /// A stub answering every call with the same response.
    public convenience init(always response: HTTPResponse) {
        self.init { _, _ in response }
    }

    /// The same as `always`.
    public convenience init(_ response: HTTPResponse) {
        self.init(always: response)
    }

    /// Answers call N with `responses[N]`, and every later call with the last one.
    public convenience init(responses: [HTTPResponse]) {
        self.init { request, index in
            guard let last = responses.last else {
                throw HTTPClientError(kind: .other, host: request.host, detail: "no stubbed response")
            }
            return index < responses.count ? responses[index] : last
        }
    }

    /// Answers each call from the request alone.
    public convenience init(responder: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.init { request, _ in responder(request) }
    }

    /// The requests sent so far, in order.
    public var requests: [HTTPRequest] { sent.withLock { $0 } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let index = sent.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
        return try await handler(request, index)
    }
}

/// A transport for tests that must not reach any network: every call fails at once.
public struct NoNetworkHTTPClient: HTTPClient {
    public init() {}

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw HTTPClientError(kind: .couldNotConnect, host: request.host, detail: "this test has no network")
    }
}
