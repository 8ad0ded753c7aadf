import AWSCore
import Synchronization

/// Forwards to a real transport and counts the requests, so tests can tell how many attempts a
/// call made even when the sandbox rejects them before counting (expired credentials).
final class CountingHTTPClient: HTTPClient {
    private let transport: any HTTPClient
    private let sent = Mutex(0)

    init(_ transport: any HTTPClient) {
        self.transport = transport
    }

    /// Requests sent so far, failed ones included.
    var count: Int { sent.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent.withLock { $0 += 1 }
        return try await transport.send(request)
    }
}
