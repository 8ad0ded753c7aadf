import ChargebackTestSupport
import AWSCore
import Foundation

/// A temporary directory removed when the value goes away.
final class CredentialsTempDirectory: @unchecked Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("credentials-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` inside the directory and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = "\(path)/\(name)"
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// A clock tests move by hand.
final class CredentialsTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = start }

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(by seconds: TimeInterval) {
        lock.lock()
        current += seconds
        lock.unlock()
    }
}

/// Counts calls and answers each with the next result of a closure.
final class CountingCredentialProvider: CredentialProvider, @unchecked Sendable {
    let name = "CountingCredentialProvider"
    private let lock = NSLock()
    private var count = 0
    private let produce: @Sendable (Int) async throws -> AWSCredentials

    /// `produce` receives the 1-based number of the call.
    init(_ produce: @escaping @Sendable (Int) async throws -> AWSCredentials) { self.produce = produce }

    var calls: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func credentials() async throws -> AWSCredentials {
        let number = lock.withLock {
            count += 1
            return count
        }
        return try await produce(number)
    }
}

/// Suspends callers until opened.
actor CredentialsGate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        waiters.forEach { $0.resume() }
        waiters = []
    }
}

/// Sleeps that end at once, so time limits expire without real waiting (for tests of timeouts).
let credentialsImmediateSleep: @Sendable (TimeInterval) async throws -> Void = { _ in await Task.yield() }

/// A time limit that never expires: it ends only when the answer cancels it. Tests that expect an
/// answer use it, so a limit that ends at once cannot race the stub's answer.
let credentialsNoTimeLimit: @Sendable (TimeInterval) async throws -> Void = { _ in
    try await Task.sleep(for: .seconds(3600))
}

/// A server that never answers; the request ends only when the caller cancels it.
let credentialsHangingResponse: StubHTTPClient.Handler = { _, _ in
    try await Task.sleep(for: .seconds(3600))
    return HTTPResponse(status: 200)
}
