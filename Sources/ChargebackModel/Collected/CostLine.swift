import Foundation

/// One Cost Explorer group of one month: an account's amount for a service and usage type in
/// the configured metric, exactly as Cost Explorer wrote it (not yet rounded).
public struct CostLine: Sendable, Equatable, Codable {
    public var accountId: String
    public var month: BillingMonth
    /// The Cost Explorer metric, e.g. `NetUnblendedCost`.
    public var metric: String
    /// The `SERVICE` dimension value, e.g. `Amazon Athena`.
    public var service: String
    public var usageType: String
    public var amount: Decimal
    /// The amount's unit as Cost Explorer sent it, e.g. `USD`.
    public var unit: String
    /// Cost Explorer's `Estimated` flag: the month is not closed yet and the amount may change.
    public var estimated: Bool

    public init(accountId: String, month: BillingMonth, metric: String, service: String, usageType: String,
                amount: Decimal, unit: String, estimated: Bool) {
        self.accountId = accountId
        self.month = month
        self.metric = metric
        self.service = service
        self.usageType = usageType
        self.amount = amount
        self.unit = unit
        self.estimated = estimated
    }
}
