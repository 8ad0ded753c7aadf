import Foundation

/// Sends requests to a local metadata endpoint (IMDS, the container credentials endpoint) with a
/// short time limit per attempt and a few attempts, so a machine without the endpoint fails fast.
/// Transport failures, timeouts and 5xx answers are retried; other answers are returned as they are.
struct MetadataEndpointCaller: Sendable {
    var http: any HTTPClient
    var timeout: TimeInterval
    var attempts: Int
    /// Waits for the time limit; injected so tests never wait in real time.
    var sleep: @Sendable (TimeInterval) async throws -> Void

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var lastError: any Error = HTTPClientError(kind: .other, host: request.host, detail: "no attempt was made")
        for _ in 0..<max(1, attempts) {
            do {
                let response = try await sendOnce(request)
                if response.status >= 500 {
                    lastError = HTTPClientError(kind: .other, host: request.host, detail: "answered HTTP \(response.status)")
                    continue
                }
                return response
            } catch let error as HTTPClientError where error.isRetryable {
                lastError = error
            }
        }
        throw lastError
    }

    private func sendOnce(_ request: HTTPRequest) async throws -> HTTPResponse {
        let http = self.http
        let timeout = self.timeout
        let sleep = self.sleep
        let timedOut = HTTPClientError(kind: .timedOut, host: request.host,
                                       detail: "no answer within \(String(format: "%g", timeout)) s")
        return try await withCheckedThrowingContinuation { continuation in
            let race = FirstResult(continuation)
            let timer = Task {
                do { try await sleep(timeout) } catch { return }
                race.finish(.failure(timedOut))
            }
            race.attach(work: Task {
                do {
                    race.finish(.success(try await http.send(request)))
                } catch {
                    race.finish(.failure(error))
                }
                timer.cancel()
            })
        }
    }
}

/// Resumes a continuation with whichever result comes first and cancels the losing work.
private final class FirstResult: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<HTTPResponse, any Error>?
    private var work: Task<Void, Never>?

    init(_ continuation: CheckedContinuation<HTTPResponse, any Error>) { self.continuation = continuation }

    func attach(work: Task<Void, Never>) {
        lock.lock()
        let finished = continuation == nil
        if !finished { self.work = work }
        lock.unlock()
        if finished { work.cancel() }
    }

    func finish(_ result: Result<HTTPResponse, any Error>) {
        lock.lock()
        let pending = continuation
        continuation = nil
        let losingWork = work
        work = nil
        lock.unlock()
        guard let pending else { return }
        pending.resume(with: result)
        losingWork?.cancel()
    }
}
