import AWSServices

/// Cost amounts carry their unit: an answer in another unit than the configured `currency` is an
/// error for that account, never converted silently.
public struct CostCurrencyMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    public var answered: String
    public var configured: String

    public var description: String {
        "Cost Explorer answers this account's costs in \(answered), but currency is \(configured): set currency to \(answered), or report this account separately"
    }

    /// Throws when any amount of `metric` in `output` is in a unit other than `currency`.
    public static func verify(_ output: GetCostAndUsageOutput, metric: String, currency: String) throws(CostCurrencyMismatch) {
        let values = output.resultsByTime.flatMap { result in
            [result.total[metric]] + result.groups.map { $0.metrics[metric] }
        }
        for case let unit? in values.map({ $0?.unit }) where unit != currency {
            throw CostCurrencyMismatch(answered: unit, configured: currency)
        }
    }
}
