import Logging
import Synchronization

/// One log call as a handler saw it, with metadata rendered to strings.
struct CapturedLogRecord: Sendable {
    var level: Logger.Level
    var message: String
    var metadata: [String: String]
    var errorDescription: String?

    /// Every piece of text the record carries, for "does this secret appear anywhere" checks.
    var allText: [String] { [message] + metadata.keys + metadata.values + (errorDescription.map { [$0] } ?? []) }
}

/// Where a `CapturingLogHandler` puts what it hears; shared by every copy of the handler.
final class LogCapture: Sendable {
    private let storage = Mutex<[CapturedLogRecord]>([])

    var records: [CapturedLogRecord] { storage.withLock { $0 } }

    func append(_ record: CapturedLogRecord) { storage.withLock { $0.append(record) } }

    /// A logger at `level` that records into this capture, without touching the global logging system.
    func logger(label: String = "test", level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: label) { _ in CapturingLogHandler(capture: self) }
        logger.logLevel = level
        return logger
    }
}

/// A swift-log handler that keeps every record in memory for assertions.
struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, call in call }
        capture.append(CapturedLogRecord(
            level: event.level, message: event.message.description,
            metadata: merged.mapValues { "\($0)" }, errorDescription: event.error.map { "\($0)" }))
    }
}
