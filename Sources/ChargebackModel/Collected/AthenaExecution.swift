import Foundation

/// One Athena query execution as collected: what billing and reports need, never credentials.
public struct AthenaExecution: Sendable, Equatable, Codable {
    public var id: String
    public var accountId: String
    public var region: String
    public var workgroup: String
    public var state: AthenaExecutionState
    public var submittedAt: Date
    public var completedAt: Date?
    /// `DDL`, `DML` or `UTILITY`; nil when Athena did not say.
    public var statementType: String?
    public var substatementType: String?
    public var database: String?
    public var catalog: String?
    public var engineVersion: String?
    public var dataScannedBytes: Int64?
    public var engineTimeMillis: Int64?
    public var totalTimeMillis: Int64?
    public var reusedPreviousResult: Bool
    public var stateChangeReason: String?
    public var errorMessage: String?
    /// The SQL text, at most 2 KB, only when the collect was asked to keep it.
    public var queryText: String?

    public init(id: String, accountId: String, region: String, workgroup: String, state: AthenaExecutionState,
                submittedAt: Date, completedAt: Date? = nil, statementType: String? = nil,
                substatementType: String? = nil, database: String? = nil, catalog: String? = nil,
                engineVersion: String? = nil, dataScannedBytes: Int64? = nil, engineTimeMillis: Int64? = nil,
                totalTimeMillis: Int64? = nil, reusedPreviousResult: Bool = false, stateChangeReason: String? = nil,
                errorMessage: String? = nil, queryText: String? = nil) {
        self.id = id
        self.accountId = accountId
        self.region = region
        self.workgroup = workgroup
        self.state = state
        self.submittedAt = submittedAt
        self.completedAt = completedAt
        self.statementType = statementType
        self.substatementType = substatementType
        self.database = database
        self.catalog = catalog
        self.engineVersion = engineVersion
        self.dataScannedBytes = dataScannedBytes
        self.engineTimeMillis = engineTimeMillis
        self.totalTimeMillis = totalTimeMillis
        self.reusedPreviousResult = reusedPreviousResult
        self.stateChangeReason = stateChangeReason
        self.errorMessage = errorMessage
        self.queryText = queryText
    }

    /// Whether Athena may still change this execution (it may finish later with more bytes).
    public var isFinal: Bool { state.isFinal }
}

/// `QueryExecutionState`; an unknown state is kept as written.
public enum AthenaExecutionState: Sendable, Hashable, Codable, CustomStringConvertible {
    case queued, running, succeeded, failed, cancelled
    case other(String)

    public init(_ text: String) {
        switch text {
        case "QUEUED": self = .queued
        case "RUNNING": self = .running
        case "SUCCEEDED": self = .succeeded
        case "FAILED": self = .failed
        case "CANCELLED": self = .cancelled
        default: self = .other(text)
        }
    }

    public var text: String {
        switch self {
        case .queued: "QUEUED"
        case .running: "RUNNING"
        case .succeeded: "SUCCEEDED"
        case .failed: "FAILED"
        case .cancelled: "CANCELLED"
        case let .other(text): text
        }
    }

    public var description: String { text }

    /// SUCCEEDED, FAILED and CANCELLED never change again.
    public var isFinal: Bool {
        switch self {
        case .succeeded, .failed, .cancelled: true
        default: false
        }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
