import Foundation
import NIOCore
import Synchronization
import Testing
@testable import AWSCore

/// The transport against a real HTTP server on 127.0.0.1.
@Suite(.timeLimit(.minutes(1))) struct CurlHTTPClientTests {
    private static func request(_ method: String, server: LoopbackServer, path: String = "/", query: String = "",
                                headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) -> HTTPRequest {
        HTTPRequest(method: method, scheme: "http", host: "127.0.0.1", port: server.port, path: path,
                    query: query, headers: headers, body: body)
    }

    /// Runs `operation` and returns the HTTPClientError it throws, or records an issue.
    private static func transportError(_ operation: () async throws -> HTTPResponse) async -> HTTPClientError? {
        do {
            let response = try await operation()
            Issue.record("expected a transport error, got status \(response.status)")
            return nil
        } catch let error as HTTPClientError {
            return error
        } catch {
            Issue.record("expected an HTTPClientError, got \(error)")
            return nil
        }
    }

    @Test func getSendsExactlyTheRequestAndReturnsTheResponse() async throws {
        let server = try await LoopbackServer.start { _ in
            .respond(status: 200, headers: [LoopbackHeaderField("X-Amzn-RequestId", "req-1"),
                                            LoopbackHeaderField("Content-Type", "application/json")],
                     body: Data(#"{"ok":true}"#.utf8))
        }
        let client = CurlHTTPClient(environment: [:])
        let headers: HTTPHeaders = [
            "Host": "127.0.0.1:\(server.port)",
            "X-Amz-Date": "20240101T000000Z",
            "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/athena/aws4_request",
        ]

        let response = try await client.send(Self.request("GET", server: server, path: "/a/b%20c",
                                                          query: "x=1&y=%2F", headers: headers))
        await server.shutdown()

        #expect(response.status == 200)
        #expect(response.headers["x-amzn-requestid"] == "req-1")
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.body == Data(#"{"ok":true}"#.utf8))
        let received = try #require(server.statistics.requests.first)
        #expect(received.method == "GET")
        #expect(received.uri == "/a/b%20c?x=1&y=%2F")
        #expect(received.headers == headers.map { LoopbackHeaderField($0.name, $0.value) })
        #expect(received.body.isEmpty)
    }

    @Test func postSendsTheBodyAndOnlyTheGivenHeaders() async throws {
        let server = try await LoopbackServer.start { request in
            .respond(status: 400, headers: [LoopbackHeaderField("X-Echo-Length", String(request.body.count))],
                     body: Data("bad request".utf8))
        }
        let client = CurlHTTPClient(environment: [:])
        let body = Data([0x7B, 0x00, 0xFF, 0x0A, 0x7D] + Array("x".utf8))
        let headers: HTTPHeaders = [
            "Host": "127.0.0.1:\(server.port)",
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": "AmazonAthena.GetQueryExecution",
        ]

        let response = try await client.send(Self.request("POST", server: server, headers: headers, body: body))
        await server.shutdown()

        #expect(response.status == 400)
        #expect(response.headers["X-Echo-Length"] == String(body.count))
        #expect(response.body == Data("bad request".utf8))
        let received = try #require(server.statistics.requests.first)
        #expect(received.method == "POST")
        #expect(received.body == body)
        let expected = headers.map { LoopbackHeaderField($0.name, $0.value) }
            + [LoopbackHeaderField("Content-Length", String(body.count))]
        #expect(received.headers.sorted { $0.name < $1.name } == expected.sorted { $0.name < $1.name })
    }

    @Test(arguments: ["PUT", "DELETE"])
    func otherMethodsArriveAsSent(method: String) async throws {
        let server = try await LoopbackServer.start { _ in .respond(status: 204) }
        let client = CurlHTTPClient(environment: [:])

        let response = try await client.send(Self.request(method, server: server, body: Data("payload".utf8)))
        await server.shutdown()

        #expect(response.status == 204)
        let received = try #require(server.statistics.requests.first)
        #expect(received.method == method)
        #expect(received.body == Data("payload".utf8))
    }

    @Test func sequentialRequestsReuseOneConnection() async throws {
        let server = try await LoopbackServer.start { _ in .respond(status: 200, body: Data("ok".utf8)) }
        let client = CurlHTTPClient(environment: [:])

        for _ in 0..<50 {
            let response = try await client.send(Self.request("GET", server: server))
            #expect(response.status == 200)
        }
        await server.shutdown()

        #expect(server.statistics.requests.count == 50)
        #expect(server.statistics.acceptedConnections == 1)
    }

    @Test func concurrentRequestsOpenNoMoreConnectionsThanTheConcurrencyLimit() async throws {
        let server = try await LoopbackServer.start { _ in .respond(status: 200, body: Data("ok".utf8)) }
        let client = CurlHTTPClient(configuration: .init(maxConcurrentRequests: 4), environment: [:])

        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<50 {
                group.addTask { try await client.send(Self.request("GET", server: server)).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await server.shutdown()

        #expect(statuses == Array(repeating: 200, count: 50))
        #expect(server.statistics.acceptedConnections <= 4)
    }

    @Test func neverMoreRequestsInFlightThanTheConcurrencyLimit() async throws {
        let gate = LoopbackGate()
        let server = try await LoopbackServer.start { _ in .held(status: 200, gate: gate) }
        let client = CurlHTTPClient(configuration: .init(maxConcurrentRequests: 3), environment: [:])

        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask { _ = try await client.send(Self.request("GET", server: server)) }
            }
            // The first answers are held until three requests are in flight at once: the limit is
            // reached, not trivially met.
            await server.statistics.waitForRequests(3)
            gate.open()
            try await group.waitForAll()
        }
        await server.shutdown()

        #expect(server.statistics.requests.count == 12)
        #expect(server.statistics.maxInFlight == 3)
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = try await LoopbackServer.start { _ in .never }
        let client = CurlHTTPClient(configuration: .init(totalTimeout: .milliseconds(500)), environment: [:])

        let error = await Self.transportError { try await client.send(Self.request("GET", server: server)) }
        await server.shutdown()

        // The request arrived and was never answered: only the transfer's timeout can end it.
        #expect(server.statistics.requests.count == 1)
        #expect(error?.kind == .timedOut)
        #expect(error?.host == "127.0.0.1")
    }

    /// No byte for the stall window fails the transfer long before the total timeout.
    @Test(.timeLimit(.minutes(1)))
    func aStalledTransferFailsAfterTheStallTimeout() async throws {
        let server = try await LoopbackServer.start { _ in .never }
        let client = CurlHTTPClient(configuration: .init(totalTimeout: .seconds(600), stallTimeout: .seconds(1)), environment: [:])
        let error = await Self.transportError { try await client.send(Self.request("POST", server: server, body: Data("{}".utf8))) }
        await server.shutdown()
        #expect(error?.kind == .timedOut)
        #expect(error?.detail.contains("too slow") == true, "\(String(describing: error))")
    }

    @Test func aClosedPortCannotBeConnected() async throws {
        let server = try await LoopbackServer.start { _ in .respond(status: 200) }
        let closedPort = server.port
        await server.shutdown()
        let client = CurlHTTPClient(environment: [:])

        let error = await Self.transportError {
            try await client.send(HTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: closedPort))
        }

        #expect(error?.kind == .couldNotConnect)
        #expect(error?.isRetryable == true)
    }

    enum OversizedBody: CaseIterable { case declaredLength, chunked }

    @Test(arguments: OversizedBody.allCases)
    func aBodyOverTheLimitIsRefused(framing: OversizedBody) async throws {
        let huge = Data(repeating: 0x62, count: 1 << 20)
        let server = try await LoopbackServer.start { _ in
            switch framing {
            case .declaredLength: .respond(status: 200, body: huge)
            case .chunked: .chunked(body: huge, chunkSize: 16 * 1024)
            }
        }
        let client = CurlHTTPClient(configuration: .init(maxResponseBytes: 64 * 1024), environment: [:])

        let error = await Self.transportError { try await client.send(Self.request("GET", server: server)) }
        await server.shutdown()

        #expect(error?.kind == .responseTooLarge)
        #expect(error?.detail.contains("65536") == true)
    }

    @Test func aBodyAtTheLimitIsAccepted() async throws {
        let body = Data(repeating: 0x63, count: 64 * 1024)
        let server = try await LoopbackServer.start { _ in .chunked(body: body, chunkSize: 10_000) }
        let client = CurlHTTPClient(configuration: .init(maxResponseBytes: body.count), environment: [:])

        let response = try await client.send(Self.request("GET", server: server))
        await server.shutdown()

        #expect(response.body == body)
    }

    @Test func aConnectionClosedMidBodyIsATransportError() async throws {
        let server = try await LoopbackServer.start { _ in .closeMidBody(declaredLength: 10_000, sentBytes: 100) }
        let client = CurlHTTPClient(environment: [:])

        let error = await Self.transportError { try await client.send(Self.request("GET", server: server)) }
        await server.shutdown()

        #expect(error?.kind == .connectionReset)
        #expect(error?.isRetryable == true)
    }

    @Test func cancellingTheCallerAbortsTheTransfer() async throws {
        let server = try await LoopbackServer.start { _ in .never }
        let client = CurlHTTPClient(configuration: .init(totalTimeout: .seconds(120)), environment: [:])

        let task = Task { try await client.send(Self.request("GET", server: server)) }
        await server.statistics.waitForRequests(1)
        task.cancel()
        // The transfer's own timeout is two minutes, past the suite's time limit: only the
        // cancellation can end it in time, and it says so.
        let error = await Self.transportError { try await task.value }
        await server.shutdown()

        #expect(error?.kind == .cancelled)
    }

    @Test func aHeaderValueWithALineBreakIsRefusedBeforeSending() async throws {
        let server = try await LoopbackServer.start { _ in .respond(status: 200) }
        let client = CurlHTTPClient(environment: [:])

        let error = await Self.transportError {
            try await client.send(Self.request("GET", server: server, headers: ["X-Bad": "a\r\nX-Injected: 1"]))
        }
        await server.shutdown()

        #expect(error?.kind == .other)
        #expect(error?.detail.contains("X-Bad") == true)
        #expect(error?.detail.contains("X-Injected") == false)
        #expect(server.statistics.requests.isEmpty)
    }
}

/// The proxy rule, decided from an environment dictionary without any network.
@Suite struct CurlProxySelectionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var scheme: String
        var host: String
        var environment: [String: String]
        var expected: CurlProxyChoice
        var testDescription: String { "\(scheme)://\(host) with \(environment.keys.sorted())" }
    }

    @Test(arguments: [
        Case(scheme: "https", host: "athena.us-east-1.amazonaws.com", environment: [:], expected: .direct),
        Case(scheme: "https", host: "athena.us-east-1.amazonaws.com",
             environment: ["HTTPS_PROXY": "http://corp:3128"],
             expected: .proxy(url: "http://corp:3128", noProxy: "")),
        Case(scheme: "https", host: "athena.us-east-1.amazonaws.com",
             environment: ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:2"],
             expected: .proxy(url: "http://lower:1", noProxy: "")),
        // An http proxy variable does not apply to https URLs, and the other way round.
        Case(scheme: "https", host: "sts.amazonaws.com", environment: ["HTTP_PROXY": "http://corp:3128"],
             expected: .direct),
        Case(scheme: "http", host: "example.internal", environment: ["HTTPS_PROXY": "http://corp:3128"],
             expected: .direct),
        // Upper-case HTTP_PROXY is honoured on purpose (libcurl itself ignores it).
        Case(scheme: "http", host: "example.internal", environment: ["HTTP_PROXY": "http://corp:3128"],
             expected: .proxy(url: "http://corp:3128", noProxy: "")),
        Case(scheme: "http", host: "example.internal", environment: ["ALL_PROXY": "socks5h://s:1080"],
             expected: .proxy(url: "socks5h://s:1080", noProxy: "")),
        Case(scheme: "https", host: "example.internal",
             environment: ["all_proxy": "http://all:1", "HTTPS_PROXY": "http://specific:2"],
             expected: .proxy(url: "http://specific:2", noProxy: "")),
        Case(scheme: "https", host: "example.internal", environment: ["HTTPS_PROXY": "  "], expected: .direct),
        // NO_PROXY: exact host, parent domain with or without a dot, '*', case, spaces.
        Case(scheme: "https", host: "sts.amazonaws.com",
             environment: ["HTTPS_PROXY": "http://corp:3128", "NO_PROXY": "sts.amazonaws.com"], expected: .direct),
        Case(scheme: "https", host: "athena.us-east-1.AmazonAWS.com",
             environment: ["HTTPS_PROXY": "http://corp:3128", "no_proxy": "localhost, .amazonaws.com"],
             expected: .direct),
        Case(scheme: "https", host: "athena.us-east-1.amazonaws.com",
             environment: ["HTTPS_PROXY": "http://corp:3128", "NO_PROXY": "amazonaws.com"], expected: .direct),
        Case(scheme: "https", host: "athena.us-east-1.amazonaws.com",
             environment: ["HTTPS_PROXY": "http://corp:3128", "NO_PROXY": "*"], expected: .direct),
        // A suffix that is not a whole label does not match.
        Case(scheme: "https", host: "notamazonaws.com",
             environment: ["HTTPS_PROXY": "http://corp:3128", "NO_PROXY": "amazonaws.com"],
             expected: .proxy(url: "http://corp:3128", noProxy: "amazonaws.com")),
        Case(scheme: "https", host: "10.1.2.3",
             environment: ["HTTPS_PROXY": "http://corp:3128", "NO_PROXY": "10.1.2.3"], expected: .direct),
        // Loopback never goes through a proxy, whatever the environment says.
        Case(scheme: "http", host: "127.0.0.1", environment: ["HTTP_PROXY": "http://corp:3128", "ALL_PROXY": "http://a:1"],
             expected: .direct),
        Case(scheme: "https", host: "localhost", environment: ["HTTPS_PROXY": "http://corp:3128"], expected: .direct),
        Case(scheme: "http", host: "::1", environment: ["http_proxy": "http://corp:3128"], expected: .direct),
    ])
    func proxyChoice(_ testCase: Case) {
        #expect(CurlProxySelection.choose(scheme: testCase.scheme, host: testCase.host,
                                          environment: testCase.environment) == testCase.expected)
    }
}

/// Which hosts count as loopback, and what that allows for TLS.
@Suite struct CurlTLSVerificationTests {
    @Test(arguments: ["127.0.0.1", "127.255.0.9", "localhost", "LOCALHOST", "::1", "[::1]", "0:0:0:0:0:0:0:1"])
    func loopbackHosts(host: String) {
        #expect(CurlLoopbackHost.isLoopback(host))
        #expect(CurlTLSVerification.forHost(host, allowInsecureLoopbackTLS: true)
            == CurlTLSVerification(verifyPeer: false, verifyHost: false))
        #expect(CurlTLSVerification.forHost(host, allowInsecureLoopbackTLS: false) == .full)
    }

    @Test(arguments: ["athena.us-east-1.amazonaws.com", "128.0.0.1", "10.0.0.1", "127.0.0.1.nip.io",
                      "localhost.example.com", "::2", "169.254.169.254", "127.1", ""])
    func otherHostsAlwaysVerify(host: String) {
        #expect(!CurlLoopbackHost.isLoopback(host))
        #expect(CurlTLSVerification.forHost(host, allowInsecureLoopbackTLS: true) == .full)
        #expect(CurlTLSVerification.forHost(host, allowInsecureLoopbackTLS: false) == .full)
    }
}

/// How raw header lines from libcurl become the response's headers.
@Suite struct CurlResponseAccumulatorTests {
    private func feed(_ lines: [String], into accumulator: CurlResponseAccumulator) {
        for line in lines {
            Array(line.utf8).withUnsafeBytes { accumulator.appendHeaderLine($0) }
        }
    }

    @Test func onlyTheFinalResponsesHeadersAreKept() {
        let accumulator = CurlResponseAccumulator(maxBodyBytes: 10, cancellation: CurlCancellationFlag())
        feed(["HTTP/1.1 100 Continue\r\n", "X-Interim: yes\r\n", "\r\n",
              "HTTP/1.1 200 OK\r\n", "Content-Type: application/json\r\n", "X-Amz-Id-2:  abc \r\n",
              "Set-Cookie: a=1\r\n", "Set-Cookie: b=2\r\n", "\r\n"], into: accumulator)

        #expect(accumulator.headers == HTTPHeaders([("Content-Type", "application/json"), ("X-Amz-Id-2", "abc"),
                                                    ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")]))
    }

    @Test func foldedLinesContinueThePreviousHeader() {
        let accumulator = CurlResponseAccumulator(maxBodyBytes: 10, cancellation: CurlCancellationFlag())
        feed(["HTTP/1.1 200 OK\r\n", "X-Long: first\r\n", "\t second\r\n", "X-Next: n\r\n"], into: accumulator)

        #expect(accumulator.headers == HTTPHeaders([("X-Long", "first second"), ("X-Next", "n")]))
    }

    @Test func theBodyLimitRefusesTheChunkThatCrossesIt() {
        let accumulator = CurlResponseAccumulator(maxBodyBytes: 5, cancellation: CurlCancellationFlag())
        let taken = [UInt8]("abc".utf8).withUnsafeBytes { accumulator.appendBody($0) }
        let refused = [UInt8]("def".utf8).withUnsafeBytes { accumulator.appendBody($0) }

        #expect(taken == 3)
        #expect(refused == 0)
        #expect(accumulator.exceededBodyLimit)
        #expect(accumulator.body == Data("abc".utf8))
    }
}

/// Waiting for a transfer slot.
@Suite(.timeLimit(.minutes(1))) struct AsyncSemaphoreTests {
    @Test func aCancelledWaiterLeavesWithoutTakingASlot() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()

        let waiter = Task { try await semaphore.acquire() }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }

        // The slot still belongs to the first holder; once returned, the next caller gets it.
        semaphore.release()
        try await semaphore.acquire()
    }

    /// Suspends until `count` tasks are queued on `semaphore` (or the test is cancelled).
    static func waitUntilQueued(_ semaphore: AsyncSemaphore, count: Int) async throws {
        while semaphore.waitingCount < count {
            try Task.checkCancellation()
            await Task.yield()
        }
    }

    @Test func aReleasedSlotGoesToTheWaiter() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let waiter = Task { try await semaphore.acquire() }
        try await Self.waitUntilQueued(semaphore, count: 1)

        semaphore.release()
        try await waiter.value

        // Handed straight over: the slot never went back to the pool, and nobody is queued.
        #expect(semaphore.availablePermits == 0)
        #expect(semaphore.waitingCount == 0)
        // So a third caller has to wait for it.
        let third = Task { try await semaphore.acquire() }
        try await Self.waitUntilQueued(semaphore, count: 1)
        #expect(semaphore.availablePermits == 0)
        semaphore.release()
        try await third.value
        #expect(semaphore.availablePermits == 0)
        semaphore.release()
        #expect(semaphore.availablePermits == 1)
    }

    @Test func waitersAreServedInArrivalOrder() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        final class Arrivals: Sendable {
            let order = Mutex<[Int]>([])
        }
        let arrivals = Arrivals()
        var waiters: [Task<Void, any Error>] = []
        for index in 0..<3 {
            waiters.append(Task {
                try await semaphore.acquire()
                arrivals.order.withLock { $0.append(index) }
            })
            try await Self.waitUntilQueued(semaphore, count: index + 1)
        }
        for waiter in waiters {
            semaphore.release()
            try await waiter.value
        }
        #expect(arrivals.order.withLock { $0 } == [0, 1, 2])
    }
}
