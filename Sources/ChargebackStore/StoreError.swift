import Foundation

/// Why the store could not be opened, read or written; each reads as a sentence naming the file.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// Each kind has its section in docs/troubleshooting.md, named by the raw value.
    public enum Kind: String, CaseIterable, Sendable {
        case newerVersion = "StoreNewerVersion"
        case notAStore = "NotAStore"
        case cannotOpen = "StoreCannotOpen"
        case corrupt = "StoreCorrupt"
        case cannotWrite = "StoreCannotWrite"
        case cannotRead = "StoreCannotRead"
    }

    public let kind: Kind
    public let description: String

    init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    static func newerVersion(path: String) -> StoreError {
        StoreError(.newerVersion, "\(path) was written by a newer version of chargeback; it is left unchanged. "
            + "Upgrade chargeback, or point --store at another file")
    }

    static func notAStore(path: String) -> StoreError {
        StoreError(.notAStore, "\(path) is not a chargeback store (an SQLite database of another program); "
            + "point --store at a new or existing chargeback store")
    }

    static func cannotOpen(path: String, reason: String) -> StoreError {
        StoreError(.cannotOpen, "cannot open the store \(path): \(reason)")
    }

    static func corrupt(path: String, detail: String) -> StoreError {
        StoreError(.corrupt, "the store \(path) holds a value it cannot read (\(detail)); it may have been edited by hand")
    }

    static func cannotWrite(path: String, reason: String) -> StoreError {
        StoreError(.cannotWrite, "cannot write to the store \(path): \(reason)")
    }

    static func cannotRead(path: String, reason: String) -> StoreError {
        StoreError(.cannotRead, "cannot read the store \(path): \(reason)")
    }
}
