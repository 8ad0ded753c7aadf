import Foundation

/// The versioned report model: every figure any report shows, with how it was derived. The
/// renderers format these fields and compute nothing; `report.json` is this model encoded.
/// Amounts are in `currency`, rounded to cents unless a field says it is exact.
public struct ChargebackReport: Sendable, Equatable, Codable {
    /// Bumped when a field changes meaning or disappears; adding a field keeps the major version.
    public static let currentSchemaVersion = "1.0"

    public var schemaVersion: String
    public var month: BillingMonth
    /// `YYYY-MM-DD`, inclusive.
    public var periodStart: String
    /// `YYYY-MM-DD`, exclusive (the next month's first day).
    public var periodEnd: String
    public var currency: String
    /// The Cost Explorer metric, e.g. `NetUnblendedCost`.
    public var costMetric: String
    /// complete, partial (some BU or the central account failed, or data is incomplete), failed.
    public var status: CollectionStatus
    /// False when any Cost Explorer result used is still Estimated.
    public var costDataFinal: Bool
    public var generatedAt: Date
    public var tool: ToolInfo
    public var run: RunInfo?
    public var settings: ReportSettings
    public var totals: ReportTotals
    /// Configuration order.
    public var businessUnits: [BusinessUnitReport]
    public var central: CentralReport
    /// Notes a reader must see before any figure; empty when all is well.
    public var dataQuality: [DataQualityNote]

    public init(schemaVersion: String = ChargebackReport.currentSchemaVersion, month: BillingMonth,
                periodStart: String, periodEnd: String, currency: String, costMetric: String,
                status: CollectionStatus, costDataFinal: Bool, generatedAt: Date, tool: ToolInfo, run: RunInfo?,
                settings: ReportSettings, totals: ReportTotals, businessUnits: [BusinessUnitReport],
                central: CentralReport, dataQuality: [DataQualityNote]) {
        self.schemaVersion = schemaVersion
        self.month = month
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.currency = currency
        self.costMetric = costMetric
        self.status = status
        self.costDataFinal = costDataFinal
        self.generatedAt = generatedAt
        self.tool = tool
        self.run = run
        self.settings = settings
        self.totals = totals
        self.businessUnits = businessUnits
        self.central = central
        self.dataQuality = dataQuality
    }
}

public struct ToolInfo: Sendable, Equatable, Codable {
    public var name: String
    public var version: String

    public init(name: String = "chargeback", version: String) {
        self.name = name
        self.version = version
    }
}

/// The collect the figures come from.
public struct RunInfo: Sendable, Equatable, Codable {
    public var runId: String
    public var collectedAt: Date
    public var costExplorerRequests: Int

    public init(runId: String, collectedAt: Date, costExplorerRequests: Int) {
        self.runId = runId
        self.collectedAt = collectedAt
        self.costExplorerRequests = costExplorerRequests
    }
}

/// The configuration that shaped the figures.
public struct ReportSettings: Sendable, Equatable, Codable {
    public var athenaPricePerTB: Decimal
    public var athenaPricePerTBByRegion: [String: Decimal]
    /// Category → pattern, in the order they are tried (spice, sessions, users).
    public var usageTypeRules: [UsageTypeRuleReport]
    public var allocationRules: [AllocationRuleReport]
    public var services: [ServiceReport]
    public var quickServiceName: String
    /// A variance (billed − estimated) over this fraction of the estimate is flagged.
    public var varianceThreshold: Decimal

    public init(athenaPricePerTB: Decimal, athenaPricePerTBByRegion: [String: Decimal],
                usageTypeRules: [UsageTypeRuleReport], allocationRules: [AllocationRuleReport],
                services: [ServiceReport], quickServiceName: String, varianceThreshold: Decimal) {
        self.athenaPricePerTB = athenaPricePerTB
        self.athenaPricePerTBByRegion = athenaPricePerTBByRegion
        self.usageTypeRules = usageTypeRules
        self.allocationRules = allocationRules
        self.services = services
        self.quickServiceName = quickServiceName
        self.varianceThreshold = varianceThreshold
    }
}

public struct UsageTypeRuleReport: Sendable, Equatable, Codable {
    public var category: QuickCostCategory
    public var pattern: String

    public init(category: QuickCostCategory, pattern: String) {
        self.category = category
        self.pattern = pattern
    }
}

public struct AllocationRuleReport: Sendable, Equatable, Codable {
    public var category: QuickCostCategory
    /// none, even, fixed, proportional.
    public var method: String
    public var driver: String?
    /// Business unit id → percent, for `fixed`.
    public var shares: [String: Decimal]?

    public init(category: QuickCostCategory, method: String, driver: String? = nil, shares: [String: Decimal]? = nil) {
        self.category = category
        self.method = method
        self.driver = driver
        self.shares = shares
    }
}

/// A configured consumer service column.
public struct ServiceReport: Sendable, Equatable, Codable {
    /// `athena`, `glue`, `s3`, or a further key summed into other services.
    public var key: String
    public var costExplorerName: String

    public init(key: String, costExplorerName: String) {
        self.key = key
        self.costExplorerName = costExplorerName
    }
}

/// The organisation's headline figures.
public struct ReportTotals: Sendable, Equatable, Codable {
    /// Sum of every BU's chargeback total.
    public var chargebackTotal: Decimal
    /// Sum of every BU's consumer total.
    public var consumerTotal: Decimal
    /// Central Quick costs charged to BUs.
    public var allocatedQuick: Decimal
    /// Central Quick costs that stay central.
    public var centralRemainder: Decimal
    /// All central Quick costs (allocated + central remainder).
    public var centralQuickTotal: Decimal
    /// Sums of the per-BU columns (the total row of the per-BU table).
    public var athenaBilled: Decimal
    public var athenaEstimated: Decimal
    public var glue: Decimal
    public var s3: Decimal
    public var otherServices: Decimal
    public var quickSessions: Decimal
    public var quickSpice: Decimal
    public var quickUsers: Decimal
    public var quickOther: Decimal
    public var budget: Decimal?
    public var previousChargebackTotal: Decimal?
    /// chargebackTotal − previousChargebackTotal.
    public var change: Decimal?
    /// change / previousChargebackTotal, a fraction rounded to 4 decimals.
    public var changeFraction: Decimal?

    public init(chargebackTotal: Decimal, consumerTotal: Decimal, allocatedQuick: Decimal, centralRemainder: Decimal,
                centralQuickTotal: Decimal, athenaBilled: Decimal, athenaEstimated: Decimal, glue: Decimal,
                s3: Decimal, otherServices: Decimal, quickSessions: Decimal, quickSpice: Decimal, quickUsers: Decimal,
                quickOther: Decimal, budget: Decimal?, previousChargebackTotal: Decimal?, change: Decimal?,
                changeFraction: Decimal?) {
        self.chargebackTotal = chargebackTotal
        self.consumerTotal = consumerTotal
        self.allocatedQuick = allocatedQuick
        self.centralRemainder = centralRemainder
        self.centralQuickTotal = centralQuickTotal
        self.athenaBilled = athenaBilled
        self.athenaEstimated = athenaEstimated
        self.glue = glue
        self.s3 = s3
        self.otherServices = otherServices
        self.quickSessions = quickSessions
        self.quickSpice = quickSpice
        self.quickUsers = quickUsers
        self.quickOther = quickOther
        self.budget = budget
        self.previousChargebackTotal = previousChargebackTotal
        self.change = change
        self.changeFraction = changeFraction
    }
}
