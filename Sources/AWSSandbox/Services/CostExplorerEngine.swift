import Foundation

/// AWS Cost Explorer's GetCostAndUsage (and GetDimensionValues), computed with `Decimal` from the caller account's
/// scenario cost lines (a member account sees only its own costs).
public final class CostExplorerEngine: SandboxServiceEngine {
    /// Groups per page; a period's groups may continue on the next page, as in AWS.
    static let groupsPerPage = 20

    private let costCloseDay: Int
    private let linesByAccount: [String: Result<[CostExplorerLine], SandboxAPIError>]
    private let accountNames: [String: String]
    private let currencies: [String: String]

    public init(scenario: Scenario) {
        costCloseDay = scenario.costCloseDay
        accountNames = Dictionary(scenario.accounts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        currencies = Dictionary(scenario.accounts.map { ($0.id, $0.currency) }, uniquingKeysWith: { first, _ in first })
        var prepared: [String: Result<[CostExplorerLine], SandboxAPIError>] = [:]
        for account in scenario.accounts {
            prepared[account.id] = Result { () throws(SandboxAPIError) in
                try account.costLines.map { line throws(SandboxAPIError) in
                    try CostExplorerLine.prepare(line, accountId: account.id).get()
                }
            }
        }
        linesByAccount = prepared
    }

    public func handle(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        guard ["GetCostAndUsage", "GetDimensionValues"].contains(call.operation) else {
            throw SandboxAPIError(code: "UnknownOperationException",
                                  message: "The sandbox's Cost Explorer does not implement \(call.operation).")
        }
        let body = try EngineRequestBody(call.body, invalid: SandboxAPIError.validation)
        // A start after today is refused. Today is the later of the data clock's and the real one,
        // so a client asking about real yesterday is served even when a scenario's clock is in the past.
        let today = max(SandboxCivilDate(call.now), SandboxCivilDate(call.signingNow))
        let lines = try linesByAccount[call.accountId]?.get() ?? []
        if call.operation == "GetDimensionValues" {
            return .wire(try CostExplorerDimensionValues(body, today: today).answer(lines))
        }
        let request = try CostExplorerRequest(body, today: today)
        return .wire(try page(request, lines: lines, call: call))
    }

    private struct Item {
        let period: Int
        let keys: [String]?
        let amounts: [String: Decimal]
    }

    private func page(_ request: CostExplorerRequest, lines: [CostExplorerLine], call: SandboxCall) throws(SandboxAPIError) -> WireJSON {
        let firstDay = request.periods[0].start.daysSinceEpoch
        let periodOfDay: (Int) -> Int? = { day in
            guard day >= firstDay, day < request.periods[request.periods.count - 1].end.daysSinceEpoch else { return nil }
            // Periods are contiguous and ordered; binary search the one holding `day`.
            var low = 0, high = request.periods.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if request.periods[middle].start.daysSinceEpoch <= day { low = middle } else { high = middle - 1 }
            }
            return low
        }

        var totals = Array(repeating: [String: Decimal](), count: request.periods.count)
        var groups = Array(repeating: [[String]: [String: Decimal]](), count: request.periods.count)
        for line in lines {
            guard let period = periodOfDay(line.day), request.filter?.matches(line) ?? true else { continue }
            if request.groupBy.isEmpty {
                for metric in request.metrics { totals[period][metric, default: 0] += line.amount(of: metric) }
            } else {
                let keys = request.groupBy.map { line.value(of: $0) ?? "" }
                for metric in request.metrics { groups[period][keys, default: [:]][metric, default: 0] += line.amount(of: metric) }
            }
        }

        var items: [Item] = []
        for period in request.periods.indices {
            if request.groupBy.isEmpty {
                items.append(Item(period: period, keys: nil, amounts: totals[period]))
            } else if groups[period].isEmpty {
                items.append(Item(period: period, keys: nil, amounts: [:]))
            } else {
                for (keys, amounts) in groups[period].sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                    items.append(Item(period: period, keys: keys, amounts: amounts))
                }
            }
        }

        let context = "\(call.accountId)/\(request.fingerprint)"
        var start = 0
        if let text = request.nextPageToken {
            guard let token = EnginePageToken(text: text, kind: "GetCostAndUsage"), token.context.hasPrefix("\(call.accountId)/") else {
                throw SandboxAPIError(code: "InvalidNextTokenException",
                                      message: "NextPageToken is not a token this account was given; repeat the request without it.")
            }
            guard token.context == context else {
                throw SandboxAPIError(code: "RequestChangedException",
                                      message: "Your request parameters changed between pages. Try again with the old parameters or without a pagination token.")
            }
            guard token.position < items.count else {
                throw SandboxAPIError(code: "InvalidNextTokenException",
                                      message: "NextPageToken does not belong to this request; repeat the request without it.")
            }
            start = token.position
        }
        // Ungrouped results are small (one total per period): a single page, as AWS does.
        let end = request.groupBy.isEmpty ? items.count : min(items.count, start + Self.groupsPerPage)

        let unit = currencies[call.accountId] ?? "USD"
        var results: [WireJSON] = []
        var index = start
        while index < end {
            let period = items[index].period
            var periodGroups: [WireJSON] = []
            var total = WireJSON.object([])
            while index < end, items[index].period == period {
                let item = items[index]
                if let keys = item.keys {
                    periodGroups.append(.object([
                        ("Keys", .array(keys.map { .string($0) })),
                        ("Metrics", metricsJSON(item.amounts, request.metrics, unit: unit)),
                    ]))
                } else if request.groupBy.isEmpty {
                    total = metricsJSON(item.amounts, request.metrics, unit: unit)
                }
                index += 1
            }
            let range = request.periods[period]
            results.append(.object([
                ("TimePeriod", .object([("Start", .string(range.start.text)), ("End", .string(range.end.text))])),
                ("Total", total),
                ("Groups", .array(periodGroups)),
                ("Estimated", .bool(isEstimated(range.start, now: call.now))),
            ]))
        }

        let groupDefinitions: WireJSON? = request.groupBy.isEmpty ? nil
            : .array(request.groupBy.map { .object([("Type", .string("DIMENSION")), ("Key", .string($0))]) })
        return .members([
            ("GroupDefinitions", groupDefinitions),
            ("ResultsByTime", .array(results)),
            ("DimensionValueAttributes", .array(accountAttributes(items[start..<end], request: request))),
            ("NextPageToken", end < items.count ? .string(EnginePageToken(kind: "GetCostAndUsage", context: context, position: end).text) : nil),
        ])
    }

    /// Grouped by LINKED_ACCOUNT, AWS names each account of the page: `{Value, Attributes{description}}`.
    private func accountAttributes(_ items: ArraySlice<Item>, request: CostExplorerRequest) -> [WireJSON] {
        guard let column = request.groupBy.firstIndex(of: "LINKED_ACCOUNT") else { return [] }
        var seen: [String] = []
        for item in items {
            if let account = item.keys?[column], !seen.contains(account) { seen.append(account) }
        }
        return seen.map { account in
            .object([("Value", .string(account)),
                     ("Attributes", .object([("description", .string(accountNames[account] ?? account))]))])
        }
    }

    private func metricsJSON(_ amounts: [String: Decimal], _ metrics: [String], unit: String) -> WireJSON {
        .object(metrics.map { metric in
            (metric, .object([
                ("Amount", .string(CostExplorerLine.amountText(amounts[metric] ?? 0))),
                ("Unit", .string(metric == "UsageQuantity" ? "N/A" : unit)),
            ]))
        })
    }

    /// The current month (and later) is estimated; the previous month stays estimated until the
    /// bill closes on `costCloseDay` of the current month.
    func isEstimated(_ periodStart: SandboxCivilDate, now: Date) -> Bool {
        let today = SandboxCivilDate(now)
        let currentMonth = today.startOfMonth
        if periodStart >= currentMonth { return true }
        if periodStart >= currentMonth.firstOfMonth(adding: -1) { return today.day < costCloseDay }
        return false
    }
}
