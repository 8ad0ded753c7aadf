import ChargebackModel
import Foundation

/// What a Cost Explorer answer was for.
public enum CostKind: String, Sendable, Equatable, Codable {
    /// A consumer account's configured services.
    case consumer
    /// The central account's Quick costs.
    case central
}

/// One cached Cost Explorer answer and its lines.
public struct CostResult: Sendable, Equatable {
    public var accountId: String
    public var month: BillingMonth
    public var metric: String
    public var kind: CostKind
    /// Identifies the request (services, metric, grouping): a changed configuration fetches again.
    public var requestFingerprint: String
    public var estimated: Bool
    public var fetchedAt: Date
    public var lines: [CostLine]

    public init(accountId: String, month: BillingMonth, metric: String, kind: CostKind, requestFingerprint: String,
                estimated: Bool, fetchedAt: Date, lines: [CostLine]) {
        self.accountId = accountId
        self.month = month
        self.metric = metric
        self.kind = kind
        self.requestFingerprint = requestFingerprint
        self.estimated = estimated
        self.fetchedAt = fetchedAt
        self.lines = lines
    }
}

/// A cached answer's key facts, to decide whether to ask Cost Explorer again.
public struct CostResultStamp: Sendable, Equatable {
    public var requestFingerprint: String
    public var estimated: Bool
}

/// The span over which a workgroup's query history is completely stored.
public struct AthenaCoverage: Sendable, Equatable {
    public var accountId: String
    public var region: String
    public var workgroup: String
    public var from: Date
    public var to: Date

    public init(accountId: String, region: String, workgroup: String, from: Date, to: Date) {
        self.accountId = accountId
        self.region = region
        self.workgroup = workgroup
        self.from = from
        self.to = to
    }
}

/// What the store knows of an execution id, for incremental collection.
public struct KnownExecution: Sendable, Equatable {
    public var submittedAt: Date
    public var isFinal: Bool
}

/// A workgroup's stored history as its next listing needs it.
public struct StoredHistory: Sendable {
    /// Stored execution ids that can still be listed.
    public var known: [String: KnownExecution]
    /// The span over which the stored history is complete.
    public var coverage: AthenaCoverage?
}

/// Everything one business unit's collect found, written in one transaction.
public struct BusinessUnitBatch: Sendable {
    public var workgroups: [AthenaWorkgroup]
    public var executions: [AthenaExecution]
    public var coverage: [AthenaCoverage]
    public var costResults: [CostResult]

    public init(workgroups: [AthenaWorkgroup] = [], executions: [AthenaExecution] = [],
                coverage: [AthenaCoverage] = [], costResults: [CostResult] = []) {
        self.workgroups = workgroups
        self.executions = executions
        self.coverage = coverage
        self.costResults = costResults
    }
}

/// The central account's collect: Quick costs and its data sources and data sets.
public struct CentralBatch: Sendable {
    public var costResults: [CostResult]
    /// nil keeps what the store has (the inventory could not be read).
    public var dataSources: [QuickDataSource]?
    public var dataSets: [QuickDataSet]?

    public init(costResults: [CostResult] = [], dataSources: [QuickDataSource]? = nil, dataSets: [QuickDataSet]? = nil) {
        self.costResults = costResults
        self.dataSources = dataSources
        self.dataSets = dataSets
    }
}
