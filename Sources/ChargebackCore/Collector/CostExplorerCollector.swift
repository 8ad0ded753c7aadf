import AWSCore
import AWSServices
import ChargebackModel
import ChargebackStore
import Foundation

/// Fetches one account's month from Cost Explorer, every page, unless the store already holds a
/// final answer to the same request: each request costs $0.01, and a closed month never changes.
struct CostExplorerCollector: Sendable {
    let costExplorer: CostExplorerClient
    let store: ChargebackStore
    /// Counts the requests (pages) this collector makes.
    let pages: PageCounter

    /// What to ask for.
    struct Request: Sendable {
        var accountId: String
        var month: BillingMonth
        var metric: String
        var kind: CostKind
        /// `SERVICE` values to filter on.
        var services: [String]
        /// Dimensions to group by (SERVICE and USAGE_TYPE, or USAGE_TYPE).
        var groupBy: [String]

        /// Identifies the request, so a changed configuration is fetched anew.
        var fingerprint: String {
            "v1|MONTHLY|\(metric)|SERVICE=\(services.sorted().joined(separator: ","))|GROUP=\(groupBy.joined(separator: ","))"
        }

        /// A business unit's configured services in its account (one request whatever its regions).
        static func consumer(_ unit: BusinessUnitConfig, month: BillingMonth, config: ChargebackConfig) -> Request {
            Request(accountId: unit.accountId, month: month, metric: config.costMetric.rawValue, kind: .consumer,
                    services: config.services.map(\.costExplorerName), groupBy: ["SERVICE", "USAGE_TYPE"])
        }

        /// Quick's costs in the central account, under `service`: the configured SERVICE value, or
        /// the one found for the month (`quick_service_name: auto`).
        static func central(month: BillingMonth, config: ChargebackConfig, service: String) -> Request {
            Request(accountId: config.central.accountId, month: month, metric: config.costMetric.rawValue, kind: .central,
                    services: [service], groupBy: ["USAGE_TYPE"])
        }

        var input: GetCostAndUsageInput {
            GetCostAndUsageInput(
                timePeriod: CostDateInterval(start: month.firstDayText, end: month.endDayText), granularity: .monthly,
                metrics: [metric], filter: .dimension("SERVICE", services), groupBy: groupBy.map(CostGroupDefinition.dimension))
        }
    }

    /// The fresh answer, or nil when the store's final answer stands or the month has not started.
    func collect(_ request: Request, now: Date) async throws -> CostResult? {
        let store = self.store
        guard try await runBlocking({ try Self.needsAsking(request, store: store, now: now) }) else { return nil }
        var lines: [CostLine] = []
        var estimated = false
        for try await page in costExplorer.getCostAndUsagePages(request.input, counter: pages) {
            for result in page.resultsByTime {
                let isEstimated = result.estimated ?? false
                estimated = estimated || isEstimated
                for group in result.groups {
                    lines.append(try line(group, request: request, estimated: isEstimated))
                }
            }
        }
        return CostResult(accountId: request.accountId, month: request.month, metric: request.metric, kind: request.kind,
                          requestFingerprint: request.fingerprint, estimated: estimated, fetchedAt: now, lines: lines)
    }

    /// Whether `request` goes to Cost Explorer: not for a month that has not started (Cost Explorer
    /// refuses a start in the future), nor when the store holds a final answer to the same request.
    static func needsAsking(_ request: Request, store: ChargebackStore, now: Date) throws -> Bool {
        guard request.month.start <= now else { return false }
        guard let stamp = try store.costResultStamp(accountId: request.accountId, month: request.month,
                                                    metric: request.metric, kind: request.kind)
        else { return true }
        return stamp.estimated || stamp.requestFingerprint != request.fingerprint
    }

    private func line(_ group: CostGroup, request: Request, estimated: Bool) throws -> CostLine {
        func garbled(_ detail: String) -> AWSClientError {
            .invalidResponse(service: "Cost Explorer", operation: "GetCostAndUsage",
                             detail: "\(detail) for account \(request.accountId), \(request.month)")
        }
        guard group.keys.count == request.groupBy.count else {
            throw garbled("a group with \(group.keys.count) keys where \(request.groupBy.count) were asked for")
        }
        guard let value = group.metrics[request.metric] else {
            throw garbled("a group without the \(request.metric) metric")
        }
        guard let amount = value.decimalAmount else {
            throw garbled("an amount that is not a number ('\(String((value.amount ?? "").prefix(40)))')")
        }
        guard let unit = value.unit, !unit.isEmpty else { throw garbled("an amount without a unit") }
        let service = request.groupBy.count == 2 ? group.keys[0] : (request.services.first ?? "")
        return CostLine(accountId: request.accountId, month: request.month, metric: request.metric, service: service,
                        usageType: group.keys[request.groupBy.count - 1], amount: amount, unit: unit, estimated: estimated)
    }
}
