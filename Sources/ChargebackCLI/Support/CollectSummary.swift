import ChargebackCore
import Foundation

/// The lines a collect ends with: one per account that did not complete, then the counts and
/// what Cost Explorer charged.
enum CollectSummary {
    static func render(_ run: CollectionRun) -> String {
        var lines: [String] = []
        for outcome in run.outcomes where outcome.status != .complete {
            lines.append("\(outcome.status.rawValue): \(outcome.scope): \(outcome.error ?? "no detail")")
        }
        let complete = run.outcomes.filter { $0.status == .complete }.count
        let executions = run.outcomes.reduce(0) { $0 + $1.executionsFetched }
        let cost = Decimal(run.costExplorerRequests) / 100
        lines.append("collected \(complete) of \(run.outcomes.count) accounts (\(run.outcomes.count - 1) business units "
            + "and the central account): \(executions) executions, \(run.requests) requests, \(run.throttled) throttled")
        lines.append("Cost Explorer: \(run.costExplorerRequests) requests, USD \(cost) at USD 0.01 each; run \(run.id)")
        return lines.joined(separator: "\n") + "\n"
    }
}
