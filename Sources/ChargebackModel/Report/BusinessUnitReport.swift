import Foundation

/// One business unit's figures. A failed unit has a status and an error and no amounts.
public struct BusinessUnitReport: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var accountId: String
    public var costCenter: String?
    public var regions: [String]
    public var status: CollectionStatus
    public var error: String?
    /// False when any of the unit's Cost Explorer results is still Estimated.
    public var costDataFinal: Bool

    /// Athena's billed cost (Cost Explorer), cents.
    public var athenaBilled: Decimal?
    /// The sum of the queries' estimates, cents (rounded from the exact sum).
    public var athenaEstimated: Decimal?
    /// billed − estimated, cents.
    public var athenaVariance: Decimal?
    /// variance / estimated, a fraction rounded to 4 decimals; nil when the estimate is zero.
    public var athenaVarianceFraction: Decimal?
    /// Whether |variance| is over the threshold.
    public var athenaVarianceFlagged: Bool
    public var glue: Decimal?
    public var s3: Decimal?
    /// Sum of the further configured services.
    public var otherServices: Decimal?
    /// Every configured service with its amount and usage types.
    public var services: [ServiceCostReport]
    public var consumerTotal: Decimal?
    /// Allocated central Quick costs per category (0 when nothing was allocated).
    public var quickSessions: Decimal
    public var quickSpice: Decimal
    public var quickUsers: Decimal
    public var quickOther: Decimal
    /// consumer total + the four Quick amounts.
    public var chargebackTotal: Decimal?
    public var budget: Decimal?
    /// chargebackTotal / budget, a fraction rounded to 4 decimals.
    public var budgetUse: Decimal?
    public var previousChargebackTotal: Decimal?
    public var change: Decimal?
    public var changeFraction: Decimal?

    /// Athena by workgroup, ordered by region then name; the reconciled costs add up to athenaBilled.
    public var workgroups: [WorkgroupReport]
    /// The costliest billable queries, most expensive first (at most 20).
    public var topQueries: [QueryCostReport]
    /// This unit's share of each allocated category, with its key.
    public var allocations: [AllocationShareReport]
    /// The lines of `<bu-id>.csv`; their amounts add up to chargebackTotal.
    public var lines: [ChargebackLine]
    /// Per workgroup, the span over which the store holds its complete query history, ordered by
    /// region then name; nil when the store recorded none (left out of `report.json`).
    public var historyCoverage: [HistoryCoverageReport]?

    public init(id: String, name: String, accountId: String, costCenter: String?, regions: [String],
                status: CollectionStatus, error: String?, costDataFinal: Bool, athenaBilled: Decimal?,
                athenaEstimated: Decimal?, athenaVariance: Decimal?, athenaVarianceFraction: Decimal?,
                athenaVarianceFlagged: Bool, glue: Decimal?, s3: Decimal?, otherServices: Decimal?,
                services: [ServiceCostReport], consumerTotal: Decimal?, quickSessions: Decimal, quickSpice: Decimal,
                quickUsers: Decimal, quickOther: Decimal, chargebackTotal: Decimal?, budget: Decimal?,
                budgetUse: Decimal?, previousChargebackTotal: Decimal?, change: Decimal?, changeFraction: Decimal?,
                workgroups: [WorkgroupReport], topQueries: [QueryCostReport], allocations: [AllocationShareReport],
                lines: [ChargebackLine], historyCoverage: [HistoryCoverageReport]? = nil) {
        self.id = id
        self.name = name
        self.accountId = accountId
        self.costCenter = costCenter
        self.regions = regions
        self.status = status
        self.error = error
        self.costDataFinal = costDataFinal
        self.athenaBilled = athenaBilled
        self.athenaEstimated = athenaEstimated
        self.athenaVariance = athenaVariance
        self.athenaVarianceFraction = athenaVarianceFraction
        self.athenaVarianceFlagged = athenaVarianceFlagged
        self.glue = glue
        self.s3 = s3
        self.otherServices = otherServices
        self.services = services
        self.consumerTotal = consumerTotal
        self.quickSessions = quickSessions
        self.quickSpice = quickSpice
        self.quickUsers = quickUsers
        self.quickOther = quickOther
        self.chargebackTotal = chargebackTotal
        self.budget = budget
        self.budgetUse = budgetUse
        self.previousChargebackTotal = previousChargebackTotal
        self.change = change
        self.changeFraction = changeFraction
        self.workgroups = workgroups
        self.topQueries = topQueries
        self.allocations = allocations
        self.lines = lines
        self.historyCoverage = historyCoverage
    }
}

/// The span over which one workgroup's complete query history is stored.
public struct HistoryCoverageReport: Sendable, Equatable, Codable {
    public var region: String
    public var workgroup: String
    public var coveredFrom: Date
    /// When the last listing that reached the stored history started.
    public var coveredTo: Date
    /// Whether the span holds the whole month, from its first instant to its end.
    public var coversMonth: Bool

    public init(region: String, workgroup: String, coveredFrom: Date, coveredTo: Date, coversMonth: Bool) {
        self.region = region
        self.workgroup = workgroup
        self.coveredFrom = coveredFrom
        self.coveredTo = coveredTo
        self.coversMonth = coversMonth
    }
}

/// A configured service's cost for one unit.
public struct ServiceCostReport: Sendable, Equatable, Codable {
    public var key: String
    public var costExplorerName: String
    /// Cents: the exact sum of its usage types, rounded half away from zero.
    public var amount: Decimal
    /// Usage type → exact amount as Cost Explorer reported it, sorted by usage type.
    public var usageTypes: [UsageTypeAmount]
    /// False when the configured name matched no cost at all (a misspelt or renamed service).
    public var matchedAnyCost: Bool

    public init(key: String, costExplorerName: String, amount: Decimal, usageTypes: [UsageTypeAmount],
                matchedAnyCost: Bool) {
        self.key = key
        self.costExplorerName = costExplorerName
        self.amount = amount
        self.usageTypes = usageTypes
        self.matchedAnyCost = matchedAnyCost
    }
}

public struct UsageTypeAmount: Sendable, Equatable, Codable {
    public var usageType: String
    public var amount: Decimal

    public init(usageType: String, amount: Decimal) {
        self.usageType = usageType
        self.amount = amount
    }
}

/// Athena in one workgroup (a region and a name) for one unit and month.
public struct WorkgroupReport: Sendable, Equatable, Codable {
    public var region: String
    /// The workgroup's name, or `(unattributed)` for the line that carries a bill no query explains.
    public var name: String
    public var queries: Int
    public var queriesBillable: Int
    public var queriesFailed: Int
    public var queriesCancelled: Int
    /// Still QUEUED or RUNNING when collected: not billed yet.
    public var queriesRunning: Int
    public var bytesScanned: Int64
    public var bytesBilled: Int64
    /// The exact estimate (unrounded).
    public var estimatedCostExact: Decimal
    /// The estimate in cents.
    public var estimatedCost: Decimal
    /// This workgroup's share of the billed Athena cost (largest remainder), cents.
    public var reconciledCost: Decimal
    public var engineTimeMillis: Int64
    /// The settings as collected; nil when GetWorkGroup was not available.
    public var settings: WorkgroupSettingsReport?
    /// Missing safeguards, e.g. `no per-query scan limit`, `results not encrypted`.
    public var flags: [String]

    public init(region: String, name: String, queries: Int, queriesBillable: Int, queriesFailed: Int,
                queriesCancelled: Int, queriesRunning: Int, bytesScanned: Int64, bytesBilled: Int64,
                estimatedCostExact: Decimal, estimatedCost: Decimal, reconciledCost: Decimal, engineTimeMillis: Int64,
                settings: WorkgroupSettingsReport?, flags: [String]) {
        self.region = region
        self.name = name
        self.queries = queries
        self.queriesBillable = queriesBillable
        self.queriesFailed = queriesFailed
        self.queriesCancelled = queriesCancelled
        self.queriesRunning = queriesRunning
        self.bytesScanned = bytesScanned
        self.bytesBilled = bytesBilled
        self.estimatedCostExact = estimatedCostExact
        self.estimatedCost = estimatedCost
        self.reconciledCost = reconciledCost
        self.engineTimeMillis = engineTimeMillis
        self.settings = settings
        self.flags = flags
    }

    /// The name of the line that carries a bill when no query has an estimate.
    public static let unattributed = "(unattributed)"
}

public struct WorkgroupSettingsReport: Sendable, Equatable, Codable {
    public var bytesScannedCutoffPerQuery: Int64?
    public var enforceConfiguration: Bool?
    public var resultEncryption: String?
    public var engineVersion: String?

    public init(bytesScannedCutoffPerQuery: Int64?, enforceConfiguration: Bool?, resultEncryption: String?,
                engineVersion: String?) {
        self.bytesScannedCutoffPerQuery = bytesScannedCutoffPerQuery
        self.enforceConfiguration = enforceConfiguration
        self.resultEncryption = resultEncryption
        self.engineVersion = engineVersion
    }
}

/// One query among a unit's costliest.
public struct QueryCostReport: Sendable, Equatable, Codable {
    public var id: String
    public var region: String
    public var workgroup: String
    public var database: String?
    public var submittedAt: Date
    public var state: String
    public var bytesScanned: Int64
    public var bytesBilled: Int64
    /// The exact estimate.
    public var estimatedCostExact: Decimal
    /// The estimate in cents.
    public var estimatedCost: Decimal
    /// Only when the collect kept query text.
    public var queryText: String?

    public init(id: String, region: String, workgroup: String, database: String?, submittedAt: Date, state: String,
                bytesScanned: Int64, bytesBilled: Int64, estimatedCostExact: Decimal, estimatedCost: Decimal,
                queryText: String?) {
        self.id = id
        self.region = region
        self.workgroup = workgroup
        self.database = database
        self.submittedAt = submittedAt
        self.state = state
        self.bytesScanned = bytesScanned
        self.bytesBilled = bytesBilled
        self.estimatedCostExact = estimatedCostExact
        self.estimatedCost = estimatedCost
        self.queryText = queryText
    }
}

/// A line of `<bu-id>.csv`.
public struct ChargebackLine: Sendable, Equatable, Codable {
    /// `consumer` (a service), `athena` (a workgroup's reconciled share) or `quick_<category>`.
    public var category: String
    /// The service, workgroup (`region/name`) or usage category the line is for.
    public var item: String
    public var quantity: Decimal?
    public var unit: String?
    public var amount: Decimal
    /// How the amount was derived, in words.
    public var basis: String

    public init(category: String, item: String, quantity: Decimal?, unit: String?, amount: Decimal, basis: String) {
        self.category = category
        self.item = item
        self.quantity = quantity
        self.unit = unit
        self.amount = amount
        self.basis = basis
    }
}
