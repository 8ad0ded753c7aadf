import Foundation
import Logging
import Synchronization

/// Sends logs to stderr (stdout is for tables and YAML a script may capture). swift-log allows
/// one bootstrap per process, so later calls only change the level.
enum LoggingSetup {
    private static let level = Mutex<Logger.Level>(.info)
    private static let bootstrapped = Mutex(false)

    static func configure(level newLevel: Logger.Level) {
        level.withLock { $0 = newLevel }
        let first = bootstrapped.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = LoggingSetup.level.withLock { $0 }
            return handler
        }
    }

    static func logger(_ label: String = "chargeback") -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = level.withLock { $0 }
        return logger
    }
}
