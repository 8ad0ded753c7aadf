import ChargebackModel
import Foundation
import GRDB

/// The embedded SQLite store of everything collected: Athena executions and workgroups, Cost
/// Explorer answers, Quick's inventory, and the record of every run. Created 0600 (it holds
/// account ids and query statistics, never credentials); every write is one transaction.
public final class ChargebackStore: Sendable {
    public let path: String
    let database: DatabaseQueue

    /// Opens (or creates) the store at `path`, bringing its schema up to date. Refuses a store
    /// written by a newer version and an SQLite file that is not a store, leaving both unchanged.
    public init(path: String) throws {
        self.path = path
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw StoreError.cannotOpen(path: path, reason: "it is a directory") }
            let type = (try? fileManager.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
            guard type == .typeRegular || type == .typeSymbolicLink else {
                throw StoreError.cannotOpen(path: path, reason: "it is not a regular file (a device, FIFO or socket)")
            }
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw StoreError.cannotOpen(path: path, reason: "cannot create its folder \(folder)")
                }
            }
            guard fileManager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StoreError.cannotOpen(path: path, reason: "cannot create the file (check the folder's permissions)")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
        }
        try Self.prepare(database, path: path)
    }

    private static func prepare(_ database: DatabaseQueue, path: String) throws {
        let migrator = StoreSchema.migrator
        do {
            try database.write { db in
                let applicationId = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                if applicationId != StoreSchema.applicationId {
                    guard applicationId == 0, tableCount == 0 else { throw StoreError.notAStore(path: path) }
                    try db.execute(sql: "PRAGMA application_id = \(StoreSchema.applicationId)")
                }
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerVersion(path: path) }
            }
            try migrator.migrate(database)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: reason(error))
        }
    }

    /// A sentence from an SQLite error, without the SQL.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: return "it is not an SQLite database"
            case .SQLITE_CORRUPT: return "the database file is damaged"
            case .SQLITE_READONLY: return "the file is read-only"
            case .SQLITE_CANTOPEN: return "the file cannot be opened (check the path and its permissions)"
            case .SQLITE_FULL: return "the disk is full"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "another chargeback is writing to it; try again when it has finished"
            default: return error.message ?? "SQLite error \(error.resultCode.rawValue)"
            }
        }
        return "\(error)"
    }

    /// Runs a write transaction, turning SQLite failures into sentences.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotWrite(path: path, reason: Self.reason(error))
        }
    }

    /// The same, off the caller's thread: a collect's writes must not hold a thread of the
    /// concurrency pool (two on this kind of machine) while SQLite works.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotWrite(path: path, reason: Self.reason(error))
        }
    }

    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotRead(path: path, reason: Self.reason(error))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try database.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotRead(path: path, reason: Self.reason(error))
        }
    }
}

/// Epoch milliseconds: dates are stored as integers so they round-trip exactly.
extension Date {
    var storeMillis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(storeMillis: Int64) {
        self.init(timeIntervalSince1970: Double(storeMillis) / 1000)
    }
}
