import AWSCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A moto server on loopback, started for one test and stopped after it. Each test gets its
/// own server and port, so tests stay independent and can run in parallel.
final class MotoServer: Sendable {
    let port: Int
    let process: Process
    let logURL: URL
    let http = CurlHTTPClient()

    var endpoint: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, process: Process, logURL: URL) {
        self.port = port
        self.process = process
        self.logURL = logURL
    }

    static func start() async throws -> MotoServer {
        let port = try freeLoopbackPort()
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(port).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let server = MotoServer(port: port, process: process, logURL: logURL)
        try await server.waitUntilReady()
        return server
    }

    func stop() {
        // Foundation's waitUntilExit can hang on Linux from a concurrency thread: poll instead.
        if process.isRunning {
            process.terminate()
            for _ in 0..<50 where process.isRunning { usleep(100_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: logURL)
    }

    private func waitUntilReady() async throws {
        for _ in 0..<150 {
            if !process.isRunning {
                let log = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
                throw MotoError("moto exited before it was ready (is moto[server] installed? `make test` installs it):\n\(log)")
            }
            if let response = try? await control("GET", "/moto-api/"), response.status == 200 { return }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        stop()
        throw MotoError("moto did not answer on port \(port) within 15 s")
    }

    /// Calls one of moto's unauthenticated control endpoints.
    @discardableResult
    func control(_ method: String, _ path: String, body: String = "", contentType: String = "application/json") async throws
        -> HTTPResponse {
        var request = HTTPRequest(method: method, scheme: "http", host: "127.0.0.1", port: port, path: path,
                                  body: Data(body.utf8))
        if !body.isEmpty { request.headers["Content-Type"] = contentType }
        return try await http.send(request)
    }

    /// Turns on SigV4 and IAM checks for every later request (create users and keys first).
    func enableAuthentication() async throws {
        let response = try await control("POST", "/moto-api/reset-auth", body: "0", contentType: "text/plain")
        guard response.status == 200 else { throw MotoError("reset-auth answered HTTP \(response.status)") }
    }

    /// Queues a Cost Explorer GetCostAndUsage response for an account.
    func queueCostAndUsage(accountId: String, results: [[String: Any]]) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["account_id": accountId, "results": results])
        let response = try await control("POST", "/moto-api/static/ce/cost-and-usage-results",
                                         body: String(decoding: body, as: UTF8.self))
        guard response.status < 300 else { throw MotoError("queueing Cost Explorer results answered HTTP \(response.status)") }
    }
}

struct MotoError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Asks the kernel for a free TCP port on 127.0.0.1.
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw MotoError("socket() failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw MotoError("bind() failed") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else { throw MotoError("getsockname() failed") }
    return Int(UInt16(bigEndian: address.sin_port))
}
