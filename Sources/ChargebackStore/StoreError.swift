import Foundation

/// Why the store could not be opened, read or written; each reads as a sentence naming the file.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    static func newerVersion(path: String) -> StoreError {
        StoreError("\(path) was written by a newer version of chargeback; it is left unchanged. "
            + "Upgrade chargeback, or point --store at another file")
    }

    static func notAStore(path: String) -> StoreError {
        StoreError("\(path) is not a chargeback store (an SQLite database of another program); "
            + "point --store at a new or existing chargeback store")
    }

    static func cannotOpen(path: String, reason: String) -> StoreError {
        StoreError("cannot open the store \(path): \(reason)")
    }

    static func corrupt(path: String, detail: String) -> StoreError {
        StoreError("the store \(path) holds a value it cannot read (\(detail)); it may have been edited by hand")
    }
}
