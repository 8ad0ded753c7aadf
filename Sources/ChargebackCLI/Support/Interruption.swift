import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM stop a command cleanly instead of killing it: the command's task is
/// cancelled, so no new AWS request starts, the store's current write commits or rolls back, the
/// run is recorded as stopped, a render removes its temporary folder, and the process then exits
/// 128 + the signal's number (130, 143) after one line on stderr. A second signal exits at once.
final class Interruption: Sendable {
    static let shared = Interruption()

    private struct State {
        var signal: Int32?
        var handlers: [@Sendable () -> Void] = []
    }
    private let state = Mutex(State())
    /// Dispatch's signal sources, kept alive for the process's life.
    private let sources = Mutex<[SignalSource]>([])
    /// A dispatch source is thread-safe but not marked `Sendable`.
    private struct SignalSource: @unchecked Sendable {
        let source: any DispatchSourceSignal
    }

    /// Replaces the default action of SIGINT and SIGTERM (terminate) with `receive`.
    func install() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in receive(number) }
            source.resume()
            let kept = SignalSource(source: source)
            sources.withLock { $0.append(kept) }
        }
    }

    /// The first signal received, if any.
    var received: Int32? { state.withLock { $0.signal } }

    /// "SIGINT", "SIGTERM", for messages and the store.
    var receivedName: String? { received.map(Self.name) }

    /// Runs `handler` when a signal arrives (at once if one already has).
    func onInterrupt(_ handler: @escaping @Sendable () -> Void) {
        let already = state.withLock { state -> Bool in
            if state.signal != nil { return true }
            state.handlers.append(handler)
            return false
        }
        if already { handler() }
    }

    func receive(_ number: Int32) {
        let handlers = state.withLock { state -> [@Sendable () -> Void]? in
            guard state.signal == nil else { return nil }
            state.signal = number
            defer { state.handlers = [] }
            return state.handlers
        }
        guard let handlers else {
            Self.writeError("chargeback: second \(Self.name(number)): stopping at once; the store and reports folder are safe "
                + "(writes are transactions and renames), a run may show as unfinished")
            _exit(128 + number)
        }
        handlers.forEach { $0() }
    }

    /// The exit status for a run stopped by `number`.
    static func exitStatus(_ number: Int32) -> Int32 { 128 + number }

    static func name(_ number: Int32) -> String {
        switch number {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        default: "signal \(number)"
        }
    }

    static func writeError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
