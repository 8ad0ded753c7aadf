import Foundation

/// How completely something was collected.
public enum CollectionStatus: String, Sendable, Equatable, Codable {
    /// Everything was collected.
    case complete
    /// Some of it was collected (a region, a workgroup or the costs failed).
    case partial
    /// Nothing usable was collected.
    case failed
}

/// One business unit's (or the central account's) result in a collect run.
public struct CollectionOutcome: Sendable, Equatable, Codable {
    /// The business unit id, or `(central)`.
    public var scope: String
    public var status: CollectionStatus
    /// One line saying what failed and why; nil when complete.
    public var error: String?
    public var executionsFetched: Int
    public var requests: Int
    public var costExplorerRequests: Int

    public static let centralScope = "(central)"

    public init(scope: String, status: CollectionStatus, error: String? = nil, executionsFetched: Int = 0,
                requests: Int = 0, costExplorerRequests: Int = 0) {
        self.scope = scope
        self.status = status
        self.error = error
        self.executionsFetched = executionsFetched
        self.requests = requests
        self.costExplorerRequests = costExplorerRequests
    }
}

/// The record of one `collect`: when, what period, and each scope's outcome.
public struct CollectionRun: Sendable, Equatable, Codable {
    public var id: String
    /// The first month collected.
    public var month: BillingMonth
    /// The start of the Athena window (the month's start, or `--since`).
    public var since: Date
    public var startedAt: Date
    public var endedAt: Date?
    public var outcomes: [CollectionOutcome]
    /// Every AWS request the run made, and how many were answered with throttling.
    public var requests: Int
    public var throttled: Int
    /// Cost Explorer requests ($0.01 each).
    public var costExplorerRequests: Int
    /// What stopped the run before its work was done (`deadline`, `SIGINT`, `SIGTERM`); nil when
    /// it ran to its end.
    public var stoppedBy: String?

    public init(id: String, month: BillingMonth, since: Date, startedAt: Date, endedAt: Date? = nil,
                outcomes: [CollectionOutcome] = [], requests: Int = 0, throttled: Int = 0, costExplorerRequests: Int = 0,
                stoppedBy: String? = nil) {
        self.id = id
        self.month = month
        self.since = since
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcomes = outcomes
        self.requests = requests
        self.throttled = throttled
        self.costExplorerRequests = costExplorerRequests
        self.stoppedBy = stoppedBy
    }

    /// Complete when every scope is; failed when every scope failed; partial otherwise.
    public var status: CollectionStatus {
        if outcomes.allSatisfy({ $0.status == .complete }) { return .complete }
        if outcomes.allSatisfy({ $0.status == .failed }) { return .failed }
        return .partial
    }
}
