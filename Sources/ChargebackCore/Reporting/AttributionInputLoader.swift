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
        let scopes = Set(config.businessUnits.map(\.id) + [CollectionOutcome.centralScope])
        let found = try store.latestOutcomes(scopes: scopes, month: month)
        let outcomes = Self.keepingEarlierFigures(latest: found.mapValues(\.latest), usable: found.compactMapValues(\.usable),
                                                  complete: found.compactMapValues(\.complete))
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
            dataSources: try store.quickDataSources(), dataSets: try store.quickDataSets(),
            foundQuickServiceName: config.central.quickServiceName == nil
                ? try store.foundQuickServiceName(accountId: config.central.accountId, month: month)?.name : nil)
        return AttributionInput(config: config, month: month, units: units, central: central, run: run,
                                generatedAt: generatedAt, toolVersion: toolVersion)
    }

    /// A re-run that fails for a scope does not wipe its month: the store keeps what earlier
    /// collects brought. A scope whose latest collect failed takes the latest usable outcome
    /// (marked partial); one whose latest collect was partial after an earlier complete one stays
    /// partial. Either way its error says first where the figures come from and why the latest
    /// collect fell short.
    typealias LatestOutcomes = [String: (run: CollectionRun, outcome: CollectionOutcome)]
    static func keepingEarlierFigures(latest: LatestOutcomes, usable: LatestOutcomes, complete: LatestOutcomes)
        -> LatestOutcomes
    {
        var kept = latest
        for (scope, last) in latest {
            switch last.outcome.status {
            case .failed:
                guard let earlier = usable[scope] else { continue }
                var outcome = earlier.outcome
                outcome.status = .partial
                outcome.error = "figures from the earlier collect of \(stamp(earlier.run.startedAt)) "
                    + "(\(earlier.outcome.status.rawValue)); the latest collect, \(stamp(last.run.startedAt)), failed: "
                    + (last.outcome.error ?? "no reason recorded")
                    + (earlier.outcome.error.map { "; the earlier collect said: \($0)" } ?? "")
                kept[scope] = (earlier.run, outcome)
            case .partial:
                guard let earlier = complete[scope], earlier.run.id != last.run.id else { continue }
                var outcome = last.outcome
                outcome.error = "what the latest collect, \(stamp(last.run.startedAt)), could not read keeps the figures "
                    + "of the earlier collect of \(stamp(earlier.run.startedAt)) (complete); the latest collect said: "
                    + (last.outcome.error ?? "no reason recorded")
                kept[scope] = (last.run, outcome)
            case .complete:
                continue
            }
        }
        return kept
    }

    private static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withSpaceBetweenDateAndTime, .withTime, .withColonSeparatorInTime]
        return formatter.string(from: date) + " UTC"
    }
}
