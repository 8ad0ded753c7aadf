import ChargebackModel
import Foundation

/// Small builders for attribution inputs: a month, business units, executions and cost lines.
enum Fixture {
    static let month = BillingMonth(year: 2026, month: 10)!
    static let centralAccount = "111111111111"
    static let generatedAt = Date(timeIntervalSince1970: 1_793_500_000)

    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
    }

    static func unit(_ id: String, account: String, regions: [String] = ["us-east-1"], budget: String? = nil,
                     costCenter: String? = nil) -> BusinessUnitConfig {
        BusinessUnitConfig(
            id: id, name: id.capitalized, accountId: account,
            roleArn: IAMRoleARN("arn:aws:iam::\(account):role/qs-athena-consumer-role")!,
            externalId: "arn:aws:quicksight:us-east-1:\(centralAccount):datasource/athena-\(id)", regions: regions,
            costCenter: costCenter, budget: budget.map(decimal))
    }

    static func config(units: [BusinessUnitConfig], allocation: AllocationConfig = AllocationConfig(),
                       pricing: PricingConfig = PricingConfig(), extraServices: [ServiceMapping] = [],
                       metric: CostMetric = .unblendedCost) -> ChargebackConfig {
        ChargebackConfig(
            version: 1, currency: "USD", central: CentralConfig(accountId: centralAccount, region: "us-east-1"),
            pricing: pricing, costMetric: metric, services: ServiceMapping.standard + extraServices,
            businessUnits: units, allocation: allocation, usageTypeRules: .standard, costSource: .costExplorer,
            sourcePath: "chargeback.yaml")
    }

    static func execution(_ id: String, account: String = "222222222222", region: String = "us-east-1",
                          workgroup: String = "primary", state: AthenaExecutionState = .succeeded,
                          scanned: Int64? = 0, statement: String? = "DML", reused: Bool = false,
                          at submittedAt: Date = month.start.addingTimeInterval(86_400), engineMillis: Int64? = 100,
                          database: String? = "sales") -> AthenaExecution {
        AthenaExecution(
            id: id, accountId: account, region: region, workgroup: workgroup, state: state,
            submittedAt: submittedAt, statementType: statement, database: database, dataScannedBytes: scanned,
            engineTimeMillis: engineMillis, reusedPreviousResult: reused)
    }

    static func cost(_ account: String, _ service: String, _ usageType: String, _ amount: String,
                     unit: String = "USD", estimated: Bool = false, metric: CostMetric = .unblendedCost) -> CostLine {
        CostLine(accountId: account, month: month, metric: metric.rawValue, service: service, usageType: usageType,
                 amount: decimal(amount), unit: unit, estimated: estimated)
    }

    static func athena(_ account: String, _ amount: String, estimated: Bool = false) -> CostLine {
        cost(account, "Amazon Athena", "USE1-DataScannedInTB", amount, estimated: estimated)
    }

    static func quick(_ usageType: String, _ amount: String, estimated: Bool = false) -> CostLine {
        cost(centralAccount, CentralConfig.defaultQuickServiceName, usageType, amount, estimated: estimated)
    }

    static func data(_ id: String, status: CollectionStatus = .complete, error: String? = nil,
                     executions: [AthenaExecution] = [], workgroups: [AthenaWorkgroup] = [], costs: [CostLine] = [],
                     historyFrom: Date? = month.start.addingTimeInterval(-86_400 * 10)) -> BusinessUnitData {
        BusinessUnitData(unitId: id, status: status, error: error, executions: executions, workgroups: workgroups,
                         costs: costs, historyCoveredFrom: historyFrom)
    }

    static func input(config: ChargebackConfig, units: [BusinessUnitData], central: CentralData = CentralData(status: .complete),
                      previous: PreviousMonthTotals? = nil) -> AttributionInput {
        AttributionInput(config: config, month: month, units: units, central: central, previousMonth: previous,
                         generatedAt: generatedAt, toolVersion: "0.0.0-test")
    }

    static let mebibyte: Int64 = 1 << 20
}
