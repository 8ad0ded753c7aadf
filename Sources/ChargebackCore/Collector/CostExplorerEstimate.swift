import ChargebackModel
import ChargebackStore
import Foundation

/// How many Cost Explorer requests (USD 0.01 each) a collect will make at least, counted before it
/// spends any: one per month for each business unit (its regions share one request) and one per
/// month for the central account (two when Quick's SERVICE value must be looked up first), except
/// months that have not started and months whose final answer to the same request the store
/// already holds. A result with several pages costs more.
public struct CostExplorerEstimate: Sendable, Equatable {
    /// Requests the collect will make.
    public var requests: Int
    /// Months in the plan.
    public var months: Int
    /// Accounts asked each month: the business units and the central account.
    public var sources: Int
    /// Requests the store's final answers spare.
    public var cached: Int

    public init(requests: Int, months: Int, sources: Int, cached: Int) {
        self.requests = requests
        self.months = months
        self.sources = sources
        self.cached = cached
    }

    /// What one request costs, in cents of USD.
    public static let centsPerRequest = 1

    public static func of(_ plan: CollectPlan, config: ChargebackConfig, store: ChargebackStore,
                          now: Date) throws -> CostExplorerEstimate {
        var requests = 0
        var cached = 0
        for month in plan.months where month.start <= now {
            var asked = config.businessUnits.map { CostExplorerCollector.Request.consumer($0, month: month, config: config) }
            // With `quick_service_name: auto`, the month's name is looked up (one more request)
            // unless the store holds it final.
            if let service = try config.central.quickServiceName
                ?? QuickServiceNameLookup.storedFinalName(store: store, accountId: config.central.accountId, month: month) {
                asked.append(CostExplorerCollector.Request.central(month: month, config: config, service: service))
            } else {
                requests += 2
            }
            for request in asked {
                if try CostExplorerCollector.needsAsking(request, store: store, now: now) { requests += 1 } else { cached += 1 }
            }
        }
        return CostExplorerEstimate(requests: requests, months: plan.months.count, sources: config.businessUnits.count + 1,
                                    cached: cached)
    }

    /// "USD 0.24".
    public var costText: String {
        let cents = requests * Self.centsPerRequest
        return "USD \(cents / 100).\(String(format: "%02d", cents % 100))"
    }
}
