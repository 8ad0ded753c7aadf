import Foundation

/// Everything attribution needs for one month, as the store holds it: pure values, so
/// attribution never touches the network or the store.
public struct AttributionInput: Sendable {
    public var config: ChargebackConfig
    public var month: BillingMonth
    /// One entry per configured business unit, in configuration order.
    public var units: [BusinessUnitData]
    public var central: CentralData
    /// Chargeback totals of the month before, when the store has it.
    public var previousMonth: PreviousMonthTotals?
    /// The latest collect that covered this month, when there was one.
    public var run: CollectionRun?
    public var generatedAt: Date
    public var toolVersion: String

    public init(config: ChargebackConfig, month: BillingMonth, units: [BusinessUnitData], central: CentralData,
                previousMonth: PreviousMonthTotals? = nil, run: CollectionRun? = nil, generatedAt: Date,
                toolVersion: String) {
        self.config = config
        self.month = month
        self.units = units
        self.central = central
        self.previousMonth = previousMonth
        self.run = run
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
    }
}

/// What was collected for one business unit and month.
public struct BusinessUnitData: Sendable {
    public var unitId: String
    /// The latest collect's outcome for this unit; `.failed` with an error when it was never collected.
    public var status: CollectionStatus
    public var error: String?
    /// Executions submitted in the month (the store filters by month).
    public var executions: [AthenaExecution]
    public var workgroups: [AthenaWorkgroup]
    /// The unit's account's Cost Explorer lines for the month (configured services only).
    public var costs: [CostLine]
    /// The earliest instant from which the store holds the unit's complete query history; nil
    /// when no query history was ever collected.
    public var historyCoveredFrom: Date?
    /// Each collected workgroup's complete stored history, as the store recorded it.
    public var historyCoverage: [HistoryCoverage]

    public init(unitId: String, status: CollectionStatus, error: String? = nil, executions: [AthenaExecution] = [],
                workgroups: [AthenaWorkgroup] = [], costs: [CostLine] = [], historyCoveredFrom: Date? = nil,
                historyCoverage: [HistoryCoverage] = []) {
        self.unitId = unitId
        self.status = status
        self.error = error
        self.executions = executions
        self.workgroups = workgroups
        self.costs = costs
        self.historyCoveredFrom = historyCoveredFrom
        self.historyCoverage = historyCoverage
    }
}

/// The span over which one workgroup's complete query history is stored: from its start to when
/// the last listing that reached it began.
public struct HistoryCoverage: Sendable, Equatable {
    public var region: String
    public var workgroup: String
    public var from: Date
    public var to: Date

    public init(region: String, workgroup: String, from: Date, to: Date) {
        self.region = region
        self.workgroup = workgroup
        self.from = from
        self.to = to
    }
}

/// What was collected for the central account and month.
public struct CentralData: Sendable {
    public var status: CollectionStatus
    public var error: String?
    /// Quick's Cost Explorer lines by usage type.
    public var costs: [CostLine]
    public var dataSources: [QuickDataSource]
    public var dataSets: [QuickDataSet]
    /// With `quick_service_name: auto`: the Cost Explorer SERVICE value found for the month, if any.
    public var foundQuickServiceName: String?

    public init(status: CollectionStatus, error: String? = nil, costs: [CostLine] = [],
                dataSources: [QuickDataSource] = [], dataSets: [QuickDataSet] = [], foundQuickServiceName: String? = nil) {
        self.foundQuickServiceName = foundQuickServiceName
        self.status = status
        self.error = error
        self.costs = costs
        self.dataSources = dataSources
        self.dataSets = dataSets
    }
}

/// The previous month's chargeback totals, for month-over-month changes.
public struct PreviousMonthTotals: Sendable, Equatable, Codable {
    public var month: BillingMonth
    /// Business unit id → chargeback total.
    public var chargebackTotals: [String: Decimal]
    public var total: Decimal

    public init(month: BillingMonth, chargebackTotals: [String: Decimal], total: Decimal) {
        self.month = month
        self.chargebackTotals = chargebackTotals
        self.total = total
    }
}
