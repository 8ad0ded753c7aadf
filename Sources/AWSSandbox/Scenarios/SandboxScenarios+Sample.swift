import Foundation

extension SandboxScenarios {
    /// A business unit of the demo organisation.
    struct SampleBusinessUnit {
        let accountId: String
        let name: String
        let dataSourceId: String
        let workgroups: [ScenarioWorkgroup]
        /// (workgroup, region, query count, mean bytes) per generator.
        let load: [(workgroup: String, region: String, count: Int, meanBytes: Int64)]
        /// The bill's Athena amount over what the executions imply.
        let athenaBillFactor: Decimal
        let costScale: Decimal
    }

    static let sampleBusinessUnits: [SampleBusinessUnit] = [
        SampleBusinessUnit(
            accountId: "222222222222", name: "retail banking", dataSourceId: "athena-retail",
            workgroups: [
                ScenarioWorkgroup(name: "primary", region: "us-east-1", bytesScannedCutoffPerQuery: 1_099_511_627_776),
                ScenarioWorkgroup(name: "bi", region: "us-east-1", bytesScannedCutoffPerQuery: nil, resultEncryption: "SSE_KMS"),
            ],
            load: [("primary", "us-east-1", 700, 6_000_000_000), ("bi", "us-east-1", 1_500, 18_000_000_000)],
            athenaBillFactor: Decimal(string: "1.03")!, costScale: 1),
        SampleBusinessUnit(
            accountId: "333333333333", name: "investment banking", dataSourceId: "athena-invest",
            workgroups: [
                ScenarioWorkgroup(name: "primary", region: "us-east-1", bytesScannedCutoffPerQuery: 536_870_912_000, resultEncryption: nil),
                ScenarioWorkgroup(name: "bi", region: "us-east-1", bytesScannedCutoffPerQuery: 1_099_511_627_776),
            ],
            load: [("primary", "us-east-1", 500, 9_000_000_000), ("bi", "us-east-1", 1_200, 25_000_000_000)],
            athenaBillFactor: Decimal(string: "0.97")!, costScale: Decimal(string: "1.6")!),
        SampleBusinessUnit(
            accountId: "444444444444", name: "risk management", dataSourceId: "athena-risk",
            workgroups: [
                ScenarioWorkgroup(name: "primary", region: "us-east-1", bytesScannedCutoffPerQuery: 214_748_364_800),
                ScenarioWorkgroup(name: "bi", region: "us-east-1", bytesScannedCutoffPerQuery: 1_099_511_627_776, resultEncryption: "SSE_KMS"),
                ScenarioWorkgroup(name: "models", region: "eu-west-1", bytesScannedCutoffPerQuery: nil, resultEncryption: "CSE_KMS"),
            ],
            load: [("primary", "us-east-1", 400, 5_000_000_000), ("bi", "us-east-1", 900, 12_000_000_000),
                   ("models", "eu-west-1", 600, 40_000_000_000)],
            athenaBillFactor: Decimal(string: "1.15")!, costScale: Decimal(string: "0.8")!),
    ]

    /// Where a BU's credit, refund and Savings Plan lines go.
    static let businessUnitTargets = SampleBillMetrics.Targets(
        creditService: "AWS Glue", creditUsageType: "USE1-ETL-DPU-Hour",
        refundService: "Amazon Simple Storage Service", refundUsageType: "USE1-Requests-Tier1",
        coveredService: "AWS Glue", coveredUsageType: "USE1-ETL-DPU-Hour")

    /// Where the central account's go: Quick takes the credit and refund, Lambda the Savings Plan.
    static let centralTargets = SampleBillMetrics.Targets(
        creditService: "Amazon QuickSight", creditUsageType: "QS-Reader-Usage-Paid-Session",
        refundService: "Amazon QuickSight", refundUsageType: "QS-Author-Month",
        coveredService: "AWS Lambda", coveredUsageType: "USE1-Lambda-GB-Second")

    /// The demo organisation: a central Quick account ("111111111111", with the IAM user "reporter"
    /// and the CI's web identity role `chargeback-ci-reporter`) and three BUs with fixed
    /// ids, whose query history covers the last two full calendar months and the current one,
    /// and whose bills match those queries (risk's Athena bill runs about 15% over its estimate).
    /// Every account's bill also carries a negotiated discount, a Savings Plan, a credit, a refund
    /// and tax (see `SampleBillMetrics`). Deterministic: the same `now` gives the same scenario.
    public static func sample(now: Date) -> Scenario {
        let today = SandboxCivilDate(now)
        let historyStart = today.firstOfMonth(adding: -2)
        // Cost data lags: the bill holds whole days up to yesterday.
        let billedDays = historyStart.daysSinceEpoch..<today.daysSinceEpoch

        var accounts: [ScenarioAccount] = []
        var random = ScenarioRandom(seed: 20_240_601)
        for (unitIndex, unit) in sampleBusinessUnits.enumerated() {
            let generators = unit.load.enumerated().map { index, load in
                ScenarioQueryGenerator(workgroup: load.workgroup, region: load.region, count: load.count,
                                       from: historyStart.date, to: now, seed: UInt64(1_000 * (unitIndex + 1) + index),
                                       meanBytes: load.meanBytes)
            }
            let regions = Set(unit.workgroups.map(\.region)).sorted()
            let usage = SampleCostLines.athena(generators: generators, factor: unit.athenaBillFactor, days: billedDays)
                + regions.flatMap { region in
                    SampleCostLines.glueAndS3(region: region, scale: region == quickRegion ? unit.costScale : unit.costScale / 4,
                                              days: billedDays, random: &random)
                }
            let costLines = SampleBillMetrics.priced(usage, discount: Decimal(string: "0.05")!)
                + SampleBillMetrics.adjustments(businessUnitTargets, scale: unit.costScale, days: billedDays)
            accounts.append(ScenarioAccount(
                id: unit.accountId, name: unit.name,
                roles: [consumerRole(dataSourceId: unit.dataSourceId)],
                workgroups: unit.workgroups, queryGenerators: generators, costLines: costLines))
        }

        let units = sampleBusinessUnits
        let central = ScenarioAccount(
            id: centralAccountId, name: "central",
            users: [reporterUser()],
            roles: [runAsRole(mayAssume: units.map { roleArn(account: $0.accountId, name: consumerRoleName) }), ciReporterRole()],
            costLines: SampleBillMetrics.priced(SampleCostLines.quick(days: billedDays, scale: 1, random: &random),
                                                discount: Decimal(string: "0.08")!)
                + SampleBillMetrics.adjustments(centralTargets, scale: 1, days: billedDays),
            quickDataSources: [
                athenaDataSource(id: "athena-retail", name: "Retail Banking (Athena)", consumerAccount: units[0].accountId),
                athenaDataSource(id: "athena-invest", name: "Investment Banking (Athena)", consumerAccount: units[1].accountId),
                athenaDataSource(id: "athena-risk", name: "Risk Management (Athena)", consumerAccount: units[2].accountId),
                ScenarioQuickDataSource(id: "s3-reference-data", name: "Reference data (S3)", type: "S3", region: quickRegion),
            ],
            quickDataSets: [
                ScenarioQuickDataSet(id: "retail-card-spend", name: "Retail card spend", spiceBytes: 12_884_901_888, dataSourceIds: ["athena-retail"]),
                ScenarioQuickDataSet(id: "invest-trading-book", name: "Investment trading book", spiceBytes: 21_474_836_480, dataSourceIds: ["athena-invest"]),
                ScenarioQuickDataSet(id: "risk-exposures", name: "Risk exposures", spiceBytes: 6_442_450_944, dataSourceIds: ["athena-risk"]),
                ScenarioQuickDataSet(id: "customer-360", name: "Customer 360 (retail + investment)", spiceBytes: 8_589_934_592,
                                     dataSourceIds: ["athena-retail", "athena-invest"]),
                ScenarioQuickDataSet(id: "reference-calendar", name: "Reference calendar", spiceBytes: 1_073_741_824,
                                     dataSourceIds: ["s3-reference-data"]),
                ScenarioQuickDataSet(id: "risk-live-limits", name: "Risk live limits", importMode: "DIRECT_QUERY",
                                     dataSourceIds: ["athena-risk"]),
            ])
        return Scenario(clock: now, costCloseDay: 5, accounts: [central] + accounts)
    }
}
