import Foundation

/// The production `HTTPClient`, built on libcurl.
///
/// Connections are reused through a pool of easy handles; at most
/// `Configuration.maxConcurrentRequests` transfers run at once, each on its own thread so the
/// blocking `curl_easy_perform` never occupies Swift's cooperative pool; callers beyond the limit
/// wait asynchronously. Cancelling the calling task aborts its transfer.
public final class CurlHTTPClient: HTTPClient {
    public struct Configuration: Sendable {
        /// How long to wait for a TCP (and TLS) connection.
        public var connectTimeout: Duration
        /// How long the whole request may take, connection included.
        public var totalTimeout: Duration
        /// A transfer that moves no byte for this long fails with `.timedOut` (libcurl's
        /// low-speed limit), so a stalled server is given up long before `totalTimeout`.
        public var stallTimeout: Duration
        /// A larger response body aborts the transfer with `.responseTooLarge`.
        public var maxResponseBytes: Int
        /// Transfers beyond this many wait for a free slot.
        public var maxConcurrentRequests: Int
        /// Skips certificate checks for loopback hosts only (a local emulator with a self-signed
        /// certificate). Has no effect on any other host.
        public var allowInsecureLoopbackTLS: Bool

        public init(connectTimeout: Duration = .seconds(5), totalTimeout: Duration = .seconds(120),
                    stallTimeout: Duration = .seconds(15),
                    maxResponseBytes: Int = 64 * 1024 * 1024, maxConcurrentRequests: Int = 16,
                    allowInsecureLoopbackTLS: Bool = false) {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.stallTimeout = stallTimeout
            self.maxResponseBytes = maxResponseBytes
            self.maxConcurrentRequests = maxConcurrentRequests
            self.allowInsecureLoopbackTLS = allowInsecureLoopbackTLS
        }
    }

    public let configuration: Configuration
    private let environment: [String: String]
    private let slots: AsyncSemaphore
    private let handles: CurlEasyHandlePool

    /// - Parameter environment: where proxy settings are read from (see `CurlProxySelection`).
    public init(configuration: Configuration = Configuration(),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        precondition(configuration.maxConcurrentRequests > 0, "CurlHTTPClient needs maxConcurrentRequests > 0")
        precondition(configuration.maxResponseBytes >= 0, "CurlHTTPClient needs maxResponseBytes >= 0")
        self.configuration = configuration
        self.environment = environment
        slots = AsyncSemaphore(permits: configuration.maxConcurrentRequests)
        handles = CurlEasyHandlePool(maxIdle: configuration.maxConcurrentRequests)
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            try await slots.acquire()
        } catch {
            throw HTTPClientError(kind: .cancelled, host: request.host,
                                  detail: "the request was cancelled while waiting for a free connection slot")
        }
        defer { slots.release() }

        guard let handle = handles.checkOut() else {
            throw HTTPClientError(kind: .other, host: request.host,
                                  detail: "CurlHTTPClient: libcurl could not be initialised; check that libcurl is installed and memory is available")
        }
        let options = transferOptions(for: request)
        let cancellation = CurlCancellationFlag()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, HTTPClientError>, Never>) in
                let thread = Thread {
                    continuation.resume(returning: handle.perform(request, options: options, cancellation: cancellation))
                }
                thread.name = "CurlHTTPClient transfer"
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
        handles.checkIn(handle)
        return try result.get()
    }

    private func transferOptions(for request: HTTPRequest) -> CurlTransferOptions {
        CurlTransferOptions(
            connectTimeoutMilliseconds: Self.milliseconds(configuration.connectTimeout),
            totalTimeoutMilliseconds: Self.milliseconds(configuration.totalTimeout),
            // libcurl counts the low-speed window in whole seconds.
            stallTimeoutSeconds: max(1, Int((Double(Self.milliseconds(configuration.stallTimeout)) / 1000).rounded(.up))),
            maxResponseBytes: configuration.maxResponseBytes,
            tls: CurlTLSVerification.forHost(request.host,
                                             allowInsecureLoopbackTLS: configuration.allowInsecureLoopbackTLS),
            proxy: CurlProxySelection.choose(scheme: request.scheme, host: request.host, environment: environment)
        )
    }

    /// At least 1 ms, because libcurl reads 0 as "no timeout".
    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
