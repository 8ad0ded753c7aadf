import ChargebackModel
import ChargebackStore
import Foundation

/// Reads what attribution needs for one month from the store: each configured business unit's
/// executions, workgroups, costs and latest collect outcome, and the central account's Quick
/// costs and inventory. No network.
public struct AttributionInputLoader: Sendable {
    public let config: ChargebackConfig
    public let store: ChargebackStore

    public init(config: ChargebackConfig, store: ChargebackStore) {
        self.config = config
        self.store = store
    }

    /// The month's input, or nil when no finished collect covered the month.
    public func load(month: BillingMonth, generatedAt: Date, toolVersion: String) throws -> AttributionInput? {
        guard let run = try store.latestRun(covering: month) else { return nil }
        let metric = config.costMetric.rawValue
        let outcomes = try store.latestOutcomes(
            scopes: Set(config.businessUnits.map(\.id) + [CollectionOutcome.centralScope]), month: month)
        var units: [BusinessUnitData] = []
        for unit in config.businessUnits {
            let wanted = { (workgroup: String) in unit.workgroups?.contains(workgroup) ?? true }
            guard let latest = outcomes[unit.id] else {
                units.append(BusinessUnitData(
                    unitId: unit.id, status: .failed,
                    error: "never collected for \(month); run chargeback collect --month \(month)"))
                continue
            }
            let coverage = try store.coverage(accountId: unit.accountId, regions: unit.regions).filter { wanted($0.workgroup) }
            units.append(BusinessUnitData(
                unitId: unit.id, status: latest.outcome.status, error: latest.outcome.error,
                executions: try store.executions(accountId: unit.accountId, regions: unit.regions, month: month)
                    .filter { wanted($0.workgroup) },
                workgroups: try store.workgroups(accountId: unit.accountId, regions: unit.regions).filter { wanted($0.name) },
                costs: try store.costLines(accountId: unit.accountId, month: month, metric: metric, kind: .consumer),
                historyCoveredFrom: coverage.map(\.from).max(),
                historyCoverage: coverage.map { HistoryCoverage(region: $0.region, workgroup: $0.workgroup, from: $0.from, to: $0.to) }))
        }
        let centralOutcome = outcomes[CollectionOutcome.centralScope]
        let central = CentralData(
            status: centralOutcome?.outcome.status ?? .failed,
            error: centralOutcome == nil ? "the central account was never collected for \(month)" : centralOutcome?.outcome.error,
            costs: try store.costLines(accountId: config.central.accountId, month: month, metric: metric, kind: .central),
            dataSources: try store.quickDataSources(), dataSets: try store.quickDataSets())
        return AttributionInput(config: config, month: month, units: units, central: central, run: run,
                                generatedAt: generatedAt, toolVersion: toolVersion)
    }
}
