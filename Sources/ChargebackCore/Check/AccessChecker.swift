import AWSCore
import AWSServices
import Foundation

/// `chargeback check`: for every BU concurrently, the role chain, the account it lands in, and
/// one read call per API the report needs; for the central account, its identity, QuickSight
/// ListDataSources and Cost Explorer. Never throws: every failure becomes a row's outcome.
public struct AccessChecker: Sendable {
    public var config: ChargebackConfig
    public var chain: RoleChain
    /// Acts in the central account (base credentials or `central.cost_role_arn`).
    public var central: AWSClient
    public var concurrency: Int

    public init(config: ChargebackConfig, chain: RoleChain, central: AWSClient, concurrency: Int = 8) {
        self.config = config
        self.chain = chain
        self.central = central
        self.concurrency = concurrency
    }

    /// One report per BU in configuration order, then the central account's. `onReport` hears
    /// each report as soon as it is complete, so a caller cut short by a deadline knows what finished.
    /// The central account is checked alongside the BUs, so a slow endpoint costs its time once.
    public func run(onReport: @escaping @Sendable (AccessCheckReport) -> Void = { _ in }) async -> [AccessCheckReport] {
        async let central: AccessCheckReport = {
            let report = await checkCentral()
            onReport(report)
            return report
        }()
        let units = await concurrentMap(config.businessUnits, limit: concurrency) { unit in
            let report = await checkBusinessUnit(unit)
            onReport(report)
            return report
        }
        return units + [await central]
    }

    func checkBusinessUnit(_ unit: BusinessUnitConfig) async -> AccessCheckReport {
        let session = chain.session(for: unit)
        var report = AccessCheckReport(businessUnitId: unit.id, accountId: unit.accountId,
                                       chain: .skipped("-"), identity: .skipped("-"),
                                       athena: .skipped("-"), costExplorer: .skipped("-"))
        report.chain = await probe(.roleB) {
            _ = try await session.roleB.credentials()
            return chain.runAsRoleArn == nil ? "Role B" : "Role A → Role B"
        }
        guard report.chain.isPassed else { return report }
        report.identity = await probe(.identity) {
            try await session.verifyAccount()
            return unit.accountId
        }
        // Never probe further in an account that is not the BU's.
        guard report.identity.isPassed else { return report }
        report.athena = await checkAthena(session)
        report.costExplorer = await probe(.costExplorer) {
            let output = try await CostExplorerClient(client: session.client(region: unit.regions[0]))
                .getCostAndUsage(oneDayOfCosts(services: config.services.map(\.costExplorerName)))
            try CostCurrencyMismatch.verify(output, metric: config.costMetric.rawValue, currency: config.currency)
            return "ok"
        }
        return report
    }

    func checkAthena(_ session: BusinessUnitSession) async -> CheckOutcome {
        let regions = session.unit.regions
        var names: Set<String> = []
        var total = 0
        var truncated = false
        for region in regions {
            let outcome = await probe(.athena) {
                let page = try await AthenaClient(client: session.client(region: region)).listWorkGroups(
                    ListWorkGroupsInput(maxResults: 50))
                names.formUnion(page.workGroups.compactMap(\.name))
                total += page.workGroups.count
                truncated = truncated || page.nextToken != nil
                return ""
            }
            if case .failed = outcome { return outcome }
        }
        // A configured workgroup may live in any of the BU's regions. Only first pages are read,
        // so a name missing from a truncated list may sit on a later page: no verdict then.
        if !truncated, let wanted = session.unit.workgroups, let missing = wanted.first(where: { !names.contains($0) }) {
            return .failed(code: "WorkGroupNotFound",
                           hint: "workgroup '\(missing)' is not in \(regions.joined(separator: " or ")): fix business_units[].workgroups")
        }
        return .passed("\(total)\(truncated ? "+" : "") workgroup\(total == 1 && !truncated ? "" : "s")"
            + (regions.count > 1 ? " in \(regions.count) regions" : ""))
    }

    func checkCentral() async -> AccessCheckReport {
        let account = config.central.accountId
        var report = AccessCheckReport(businessUnitId: "(central)", accountId: account, chain: .skipped("-"),
                                       identity: .skipped("-"), athena: .skipped("-"), costExplorer: .skipped("-"),
                                       quickSight: .skipped("-"))
        do {
            let identity = try await STSClient(client: central).getCallerIdentity()
            report.chain = .passed(config.central.costRoleArn == nil ? "base" : "cost role")
            guard identity.account == account else {
                report.identity = .failed(code: "WrongAccount",
                                          hint: "the central credentials are for account \(identity.account), not central.account_id \(account)")
                return report
            }
            report.identity = .passed(account)
        } catch {
            report.chain = CheckHint.outcome(for: error, step: .baseCredentials)
            return report
        }
        report.quickSight = await probe(.quickSight) {
            let page = try await QuickSightClient(client: central).listDataSources(accountId: account, maxResults: 100)
            let athena = page.dataSources.filter { $0.type == "ATHENA" }.count
            return "\(athena) Athena data source\(athena == 1 ? "" : "s")" + (page.nextToken == nil ? "" : "+")
        }
        report.costExplorer = await probe(.costExplorer) {
            let costExplorer = CostExplorerClient(client: central)
            var services = config.central.quickServiceName.map { [$0] } ?? []
            if services.isEmpty { services = try await findQuickServiceNames(costExplorer) }
            let output = try await costExplorer.getCostAndUsage(oneDayOfCosts(services: services))
            try CostCurrencyMismatch.verify(output, metric: config.costMetric.rawValue, currency: config.currency)
            return config.central.quickServiceName == nil ? "ok (Quick: \(services.joined(separator: ", ")))" : "ok"
        }
        return report
    }

    /// `quick_service_name: auto`: the values naming Quick over the last 12 months. None fails (a
    /// collect would too); several pass, since each month's collect finds its own (a rename).
    func findQuickServiceNames(_ costExplorer: CostExplorerClient) async throws -> [String] {
        let now = central.clock()
        var first = BillingMonth(containing: now)
        for _ in 0..<12 { first = first.previous }
        let day = Date.ISO8601FormatStyle().year().month().day()
        let period = CostDateInterval(start: first.firstDayText, end: now.formatted(day))
        let lookup = QuickServiceNameLookup(costExplorer: costExplorer, accountId: config.central.accountId, pages: PageCounter())
        do {
            return [try await lookup.find(in: period, month: "\(period.start) to \(period.end)")]
        } catch let error as QuickServiceNameError where error.matching.count > 1 {
            return error.matching
        }
    }

    /// Yesterday's cost of the given services: the cheapest call that proves the permission.
    func oneDayOfCosts(services: [String]) -> GetCostAndUsageInput {
        // "YYYY-MM-DD" in UTC, as Cost Explorer wants its dates.
        let day = Date.ISO8601FormatStyle().year().month().day()
        let now = central.clock()
        return GetCostAndUsageInput(
            timePeriod: CostDateInterval(start: now.addingTimeInterval(-86_400).formatted(day), end: now.formatted(day)),
            granularity: .daily, metrics: [config.costMetric.rawValue], filter: .dimension("SERVICE", services))
    }

    func probe(_ step: CheckStep, _ body: () async throws -> String) async -> CheckOutcome {
        do {
            return .passed(try await body())
        } catch {
            return CheckHint.outcome(for: error, step: step)
        }
    }
}
