import Foundation

/// The central account's Quick costs, by category, and how each category was shared.
public struct CentralReport: Sendable, Equatable, Codable {
    public var accountId: String
    public var status: CollectionStatus
    public var error: String?
    public var costDataFinal: Bool
    /// sessions, spice, users, other: always all four, in that order.
    public var categories: [CategoryReport]
    /// The Quick total (cents).
    public var total: Decimal
    /// The Cost Explorer SERVICE value Quick's costs were read under; nil when none was found.
    public var quickServiceName: String?
    /// True when that value was found with GetDimensionValues (`quick_service_name: auto`), false
    /// when configured. Optional only so reports written before it existed still read.
    public var quickServiceNameFound: Bool?

    public init(accountId: String, status: CollectionStatus, error: String?, costDataFinal: Bool,
                categories: [CategoryReport], total: Decimal, quickServiceName: String? = nil,
                quickServiceNameFound: Bool? = nil) {
        self.quickServiceName = quickServiceName
        self.quickServiceNameFound = quickServiceNameFound
        self.accountId = accountId
        self.status = status
        self.error = error
        self.costDataFinal = costDataFinal
        self.categories = categories
        self.total = total
    }
}

public struct CategoryReport: Sendable, Equatable, Codable {
    public var category: QuickCostCategory
    /// The category's total: the sum of its usage types' cent amounts.
    public var amount: Decimal
    /// Each usage type's amount in cents, sorted by usage type.
    public var usageTypes: [UsageTypeAmount]
    public var allocation: AllocationReport

    public init(category: QuickCostCategory, amount: Decimal, usageTypes: [UsageTypeAmount], allocation: AllocationReport) {
        self.category = category
        self.amount = amount
        self.usageTypes = usageTypes
        self.allocation = allocation
    }
}

/// How one category was shared. allocated + centralRemainder = the category's amount, to the cent.
public struct AllocationReport: Sendable, Equatable, Codable {
    public var category: QuickCostCategory
    /// none, even, fixed, proportional.
    public var method: String
    /// The driver of a proportional allocation.
    public var driver: String?
    /// The driver summed over every business unit that takes part (nil for none, even, fixed).
    public var driverTotal: Decimal?
    public var allocated: Decimal
    public var centralRemainder: Decimal
    /// Why something stays central, in words (e.g. the method is none, the driver total is zero,
    /// SPICE data sets that map to no business unit); nil when everything was allocated.
    public var centralReason: String?
    /// Whether the configured method could not be applied (a zero driver total).
    public var flagged: Bool
    /// Each business unit's share, in configuration order, plus a `(central)` row when something stays central.
    public var shares: [AllocationShareReport]

    public init(category: QuickCostCategory, method: String, driver: String?, driverTotal: Decimal?,
                allocated: Decimal, centralRemainder: Decimal, centralReason: String?, flagged: Bool,
                shares: [AllocationShareReport]) {
        self.category = category
        self.method = method
        self.driver = driver
        self.driverTotal = driverTotal
        self.allocated = allocated
        self.centralRemainder = centralRemainder
        self.centralReason = centralReason
        self.flagged = flagged
        self.shares = shares
    }
}

/// One row of an allocation: the key of an allocated amount.
public struct AllocationShareReport: Sendable, Equatable, Codable {
    public var category: QuickCostCategory
    /// A business unit id, or `(central)` for what stays central.
    public var businessUnitId: String
    public var method: String
    public var driver: String?
    /// The unit's driver value (nil for none, even, fixed).
    public var driverValue: Decimal?
    /// The driver total the share was taken of.
    public var driverTotal: Decimal?
    /// The unit's fraction of the category, 6 decimals.
    public var share: Decimal
    /// Cents.
    public var amount: Decimal

    public static let centralId = "(central)"

    public init(category: QuickCostCategory, businessUnitId: String, method: String, driver: String?,
                driverValue: Decimal?, driverTotal: Decimal?, share: Decimal, amount: Decimal) {
        self.category = category
        self.businessUnitId = businessUnitId
        self.method = method
        self.driver = driver
        self.driverValue = driverValue
        self.driverTotal = driverTotal
        self.share = share
        self.amount = amount
    }
}

/// A note the reader must see before the figures.
public struct DataQualityNote: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case estimatedCostData = "estimated_cost_data"
        case failedBusinessUnit = "failed_business_unit"
        case partialBusinessUnit = "partial_business_unit"
        case athenaVariance = "athena_variance"
        case historyGap = "history_gap"
        case centralUnavailable = "central_unavailable"
        case zeroDriverTotal = "zero_driver_total"
        case serviceWithoutCost = "service_without_cost"
        case queriesStillRunning = "queries_still_running"
        case notCollected = "not_collected"
        /// The month has not ended: its figures are month to date.
        case monthToDate = "month_to_date"
    }

    public var kind: Kind
    /// The business unit it concerns; nil for the organisation or the central account.
    public var businessUnitId: String?
    /// One sentence with the consequence, e.g. "retail's Athena figures are estimates: Cost
    /// Explorer has not closed October 2026".
    public var message: String

    public init(kind: Kind, businessUnitId: String?, message: String) {
        self.kind = kind
        self.businessUnitId = businessUnitId
        self.message = message
    }
}
