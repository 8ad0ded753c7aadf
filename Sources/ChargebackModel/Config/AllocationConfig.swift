import Foundation

/// How each category of central Quick cost is charged back to business units.
public struct AllocationConfig: Sendable, Equatable {
    public var sessions: AllocationRule
    public var spice: AllocationRule
    public var users: AllocationRule
    public var other: AllocationRule

    /// Every category stays central unless configured otherwise.
    public init(sessions: AllocationRule = .none, spice: AllocationRule = .none,
                users: AllocationRule = .none, other: AllocationRule = .none) {
        self.sessions = sessions
        self.spice = spice
        self.users = users
        self.other = other
    }

    public func rule(for category: QuickCostCategory) -> AllocationRule {
        switch category {
        case .sessions: sessions
        case .spice: spice
        case .users: users
        case .other: other
        }
    }

    public mutating func setRule(_ rule: AllocationRule, for category: QuickCostCategory) {
        switch category {
        case .sessions: sessions = rule
        case .spice: spice = rule
        case .users: users = rule
        case .other: other = rule
        }
    }
}

/// One category's allocation method.
public enum AllocationRule: Sendable, Equatable {
    /// The cost stays central.
    case none
    /// Split evenly over every business unit.
    case even
    /// Fixed percentage shares, in file order; they sum to exactly 100.
    case fixed(shares: [AllocationShare])
    /// In proportion to each business unit's value of a driver.
    case proportional(driver: AllocationDriver)

    /// The method's name as written in the configuration.
    public var methodName: String {
        switch self {
        case .none: "none"
        case .even: "even"
        case .fixed: "fixed"
        case .proportional: "proportional"
        }
    }
}

/// A business unit's fixed share of a category, in percent.
public struct AllocationShare: Sendable, Equatable {
    public var businessUnitId: String
    public var percent: Decimal

    public init(businessUnitId: String, percent: Decimal) {
        self.businessUnitId = businessUnitId
        self.percent = percent
    }
}

/// What a proportional allocation is weighted by.
public enum AllocationDriver: String, Sendable, Equatable, CaseIterable {
    /// Billable Athena queries.
    case queryCount = "query_count"
    /// Athena billed bytes.
    case billedBytes = "billed_bytes"
    /// Reconciled Athena cost.
    case athenaCost = "athena_cost"
    /// Bytes of SPICE datasets built from the business unit's Athena data sources.
    case spiceBytes = "spice_bytes"
}
