import AWSCore
import Foundation
import Synchronization

/// Counts every request a run sends and the answers that were throttling, at the transport, so
/// retries count too.
public final class RequestCounter: Sendable {
    private struct Counts {
        var requests = 0
        var throttled = 0
    }

    private let counts = Mutex(Counts())

    public init() {}

    public var requests: Int { counts.withLock { $0.requests } }
    public var throttled: Int { counts.withLock { $0.throttled } }

    func record(throttled: Bool) {
        counts.withLock {
            $0.requests += 1
            if throttled { $0.throttled += 1 }
        }
    }
}

/// An HTTP client that reports each exchange to one or more counters.
public struct CountingHTTPClient: HTTPClient {
    public let wrapped: any HTTPClient
    public let counters: [RequestCounter]

    public init(wrapping wrapped: any HTTPClient, counters: [RequestCounter]) {
        self.wrapped = wrapped
        self.counters = counters
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            let response = try await wrapped.send(request)
            let throttled = !(200..<300).contains(response.status)
                && AWSErrorDecoder.decode(response, service: "", operation: "").isThrottling
            for counter in counters { counter.record(throttled: throttled) }
            return response
        } catch {
            for counter in counters { counter.record(throttled: false) }
            throw error
        }
    }
}

extension CountingHTTPClient {
    /// `http` reporting to `counter` as well: a counting client gets one more counter rather than a
    /// second wrapper, which would decode every error answer once more.
    public static func counting(_ http: any HTTPClient, with counter: RequestCounter) -> CountingHTTPClient {
        guard let counting = http as? CountingHTTPClient else { return CountingHTTPClient(wrapping: http, counters: [counter]) }
        return CountingHTTPClient(wrapping: counting.wrapped, counters: counting.counters + [counter])
    }
}
