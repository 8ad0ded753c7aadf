import ArgumentParser
import ChargebackCore
import Foundation

/// What a collect may ask of Cost Explorer, which charges USD 0.01 a request and answers only so
/// far back; shared by `collect` and `report`.
struct CostExplorerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Refuse, before any call, a collect that would make more Cost Explorer requests (USD 0.01 each) than this.", valueName: "N"))
    var maxCostExplorerRequests: Int = 200

    @Option(name: .long, help: ArgumentHelp("How many months before the current one Cost Explorer answers for: 13, or up to 38 when multi-year data is enabled in its preferences.", valueName: "months"))
    var costExplorerHistoryMonths: Int = CostExplorerOptions.standardHistoryMonths

    /// Cost Explorer's API answers the current month and the 13 before it; with multi-year data
    /// enabled, 38 months at monthly granularity.
    static let standardHistoryMonths = 13
    static let multiYearHistoryMonths = 38

    func validate() throws {
        try OptionRange.check(maxCostExplorerRequests, 0...100_000, option: "--max-cost-explorer-requests", unit: "requests")
        try OptionRange.check(costExplorerHistoryMonths, Self.standardHistoryMonths...Self.multiYearHistoryMonths,
                              option: "--cost-explorer-history-months",
                              unit: "months (13 is Cost Explorer's standard, 38 its most with multi-year data enabled)")
    }

    /// Refuses a period that starts before the oldest month Cost Explorer answers for.
    /// `given`: the option as the user wrote it, e.g. `--since 1970-01-01`.
    func checkHistory(_ plan: CollectPlan, now: Date, given: String, renderHint: Bool = false) throws {
        let current = BillingMonth(containing: now)
        let oldest = current.monthsBefore(costExplorerHistoryMonths)
        guard let first = plan.months.first, first < oldest else { return }
        var message = "\(given) starts in \(first), before \(oldest): Cost Explorer answers only the current month "
            + "(\(current)) and the \(costExplorerHistoryMonths) before it"
        if costExplorerHistoryMonths < Self.multiYearHistoryMonths {
            message += "; if multi-year data is enabled in Cost Explorer's preferences, add --cost-explorer-history-months "
                + "\(Self.multiYearHistoryMonths) to go back \(Self.multiYearHistoryMonths) months"
        }
        if renderHint { message += "; a month the store already holds is reported without AWS by 'chargeback render'" }
        throw ValidationError(message)
    }

    /// Refuses, before any call, a collect that would make more requests than allowed.
    func checkRequests(_ plan: CollectPlan, configuration: ChargebackConfig, store: ChargebackStore, now: Date) throws {
        let estimate: CostExplorerEstimate
        do {
            estimate = try CostExplorerEstimate.of(plan, config: configuration, store: store, now: now)
        } catch {
            throw CommandFailure(.store, "cannot read the store \(store.path): \(error)")
        }
        guard estimate.requests > maxCostExplorerRequests else { return }
        let spared = estimate.cached > 0 ? ", less \(estimate.cached) the store already holds final" : ""
        throw CommandFailure(
            .costExplorerLimit, "this collect would make at least \(estimate.requests) Cost Explorer requests (\(estimate.costText) at USD 0.01 "
                + "each: \(estimate.months) months for \(estimate.sources - 1) business units and the central account\(spared)), "
                + "more than --max-cost-explorer-requests \(maxCostExplorerRequests); collect fewer months, or allow it "
                + "with --max-cost-explorer-requests \(estimate.requests)",
            exitCode: ChargebackExitCode.usage)
    }
}
