import Synchronization
import Foundation
import NIOCore

/// A request as the loopback server received it.
struct LoopbackRecordedRequest: Sendable {
    var method: String
    /// Path and query exactly as sent.
    var uri: String
    /// Header fields in arrival order, names as sent.
    var headers: [LoopbackHeaderField]
    var body: Data
}

struct LoopbackHeaderField: Sendable, Equatable, CustomStringConvertible {
    var name: String
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    var description: String { "\(name): \(value)" }
}

/// What the loopback server does with one request.
enum LoopbackReply: Sendable {
    /// A complete response with Content-Length, optionally held back for `delay` first.
    case respond(status: Int, headers: [LoopbackHeaderField] = [], body: Data = Data(), delay: TimeAmount = .zero)
    /// A chunked response (no Content-Length), sent in pieces of `chunkSize` bytes.
    case chunked(body: Data, chunkSize: Int)
    /// Headers promising `declaredLength` bytes, then only `sentBytes` of them, then the connection closes.
    case closeMidBody(declaredLength: Int, sentBytes: Int)
    /// No answer at all; the connection stays open until the client gives up.
    case never
    /// An empty response with `status`, held back until the test opens `gate`.
    case held(status: Int, gate: LoopbackGate)
}

/// Holds `held` replies back until the test opens it; the server looks again every few milliseconds.
final class LoopbackGate: Sendable {
    private let state = Mutex(false)

    init() {}

    var isOpen: Bool { state.withLock { $0 } }

    func open() { state.withLock { $0 = true } }
}
