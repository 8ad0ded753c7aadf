/// One query execution, stored compactly (about 56 bytes) so a million of them stay cheap. Text
/// fields of generated executions (id, query, database) are derived from these numbers when
/// an execution is rendered.
struct AthenaExecutionRecord: Sendable, Equatable {
    enum State: UInt8, Sendable, CaseIterable {
        case queued, running, succeeded, failed, cancelled

        var wireName: String {
            switch self {
            case .queued: "QUEUED"
            case .running: "RUNNING"
            case .succeeded: "SUCCEEDED"
            case .failed: "FAILED"
            case .cancelled: "CANCELLED"
            }
        }

        init?(wireName: String) {
            guard let state = Self.allCases.first(where: { $0.wireName == wireName.uppercased() }) else { return nil }
            self = state
        }
    }

    enum Statement: UInt8, Sendable, CaseIterable {
        case ddl, dml, utility

        var wireName: String {
            switch self {
            case .ddl: "DDL"
            case .dml: "DML"
            case .utility: "UTILITY"
            }
        }

        init?(wireName: String) {
            guard let statement = Self.allCases.first(where: { $0.wireName == wireName.uppercased() }) else { return nil }
            self = statement
        }
    }

    /// The 128 bits of a generated id (UUID version 4 layout).
    var idHigh: UInt64
    var idLow: UInt64
    var submittedMillis: Int64
    var dataScannedBytes: Int64
    var engineMillis: Int32
    /// Time in the queue; 0: a short wait derived from the id.
    var queueMillis: Int32
    /// Index of the (account, region, workgroup) the execution ran in.
    var slot: Int32
    /// Index into the scenario's explicit executions, or -1 for a generated one.
    var explicitIndex: Int32
    var state: State
    var statement: Statement
    var reusedPreviousResult: Bool
    /// Picks the generated query text and database.
    var template: UInt8

    var isGenerated: Bool { explicitIndex < 0 }

    /// Orders newest first, then by id, so pages are stable.
    static func newestFirst(_ lhs: AthenaExecutionRecord, _ rhs: AthenaExecutionRecord) -> Bool {
        if lhs.submittedMillis != rhs.submittedMillis { return lhs.submittedMillis > rhs.submittedMillis }
        if lhs.idHigh != rhs.idHigh { return lhs.idHigh > rhs.idHigh }
        return lhs.idLow > rhs.idLow
    }
}
