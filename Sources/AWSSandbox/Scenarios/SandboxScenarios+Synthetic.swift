import Foundation

extension SandboxScenarios {
    /// Days of query history and bills a synthetic organisation covers.
    static let syntheticHistoryDays = 60

    /// The synthetic BU account number `index` (1-based): 12 digits from 200000000001 on.
    public static func syntheticAccountId(_ index: Int) -> String { String(200_000_000_000 + index) }

    /// A large organisation for benchmarks: the central account of the sample (same reporter key
    /// and Role A) and `spec.accounts` BUs built like the sample's, each with `spec.workgroups`
    /// workgroups, `spec.queries` executions over the last 60 days, daily Athena, Glue and S3
    /// costs, and one Quick data source and SPICE dataset per BU.
    public static func synthetic(_ spec: SyntheticSpec, now: Date) -> Scenario {
        let today = SandboxCivilDate(now)
        let from = now.addingTimeInterval(-Double(syntheticHistoryDays) * 86_400)
        let billedDays = (today.daysSinceEpoch - syntheticHistoryDays)..<today.daysSinceEpoch
        let meanBytes: Int64 = 5_000_000_000
        var random = ScenarioRandom(seed: spec.seed)
        let workgroupCount = max(1, spec.workgroups)

        var accounts: [ScenarioAccount] = []
        var dataSources: [ScenarioQuickDataSource] = []
        var dataSets: [ScenarioQuickDataSet] = []
        for index in stride(from: 1, through: spec.accounts, by: 1) {
            let accountId = syntheticAccountId(index)
            let dataSourceId = "athena-bu-\(index)"
            let workgroups = (1...workgroupCount).map { number in
                ScenarioWorkgroup(name: number == 1 ? "primary" : "wg-\(number)", region: quickRegion,
                                  bytesScannedCutoffPerQuery: number % 3 == 0 ? nil : 1_099_511_627_776,
                                  resultEncryption: number % 4 == 0 ? nil : "SSE_S3")
            }
            let generators = workgroups.enumerated().map { number, workgroup in
                let share = spec.queries / workgroupCount + (number < spec.queries % workgroupCount ? 1 : 0)
                return ScenarioQueryGenerator(workgroup: workgroup.name, region: quickRegion, count: share, from: from, to: now,
                                              seed: ScenarioRandom.mix(spec.seed &+ UInt64(index) &* 1_000 &+ UInt64(number)),
                                              meanBytes: meanBytes)
            }
            // The expected bill of that many queries (about 77% of them billable at the mean size)
            // keeps generation linear without expanding every execution twice.
            let queriesPerDay = Decimal(spec.queries) / Decimal(syntheticHistoryDays)
            let athenaPerDay = queriesPerDay * Decimal(string: "0.77")! * Decimal(meanBytes) * SampleCostLines.athenaUSDPerTB
                / Decimal(sign: .plus, exponent: 0, significand: 1_099_511_627_776)
            let usage = SampleCostLines.daily(service: "Amazon Athena", usageType: "USE1-DataScannedInTB",
                                              base: athenaPerDay, spread: 0.1, days: billedDays, random: &random)
                + SampleCostLines.glueAndS3(region: quickRegion, scale: 1, days: billedDays, random: &random)
            let costLines = SampleBillMetrics.priced(usage, discount: Decimal(string: "0.05")!)
                + SampleBillMetrics.adjustments(businessUnitTargets, scale: 1, days: billedDays)
            accounts.append(ScenarioAccount(
                id: accountId, name: "business unit \(index)", roles: [consumerRole(dataSourceId: dataSourceId)],
                workgroups: workgroups, queryGenerators: generators, costLines: costLines))
            // Quick queries through a workgroup the BU really has, so `discover` then `check` passes.
            dataSources.append(athenaDataSource(id: dataSourceId, name: "Business unit \(index) (Athena)", consumerAccount: accountId,
                                                workgroup: workgroups[0].name))
            dataSets.append(ScenarioQuickDataSet(id: "bu-\(index)-dataset", name: "Business unit \(index) dataset",
                                                 spiceBytes: 1_073_741_824 * Int64(1 + index % 7), dataSourceIds: [dataSourceId]))
        }

        let central = ScenarioAccount(
            id: centralAccountId, name: "central", users: [reporterUser()],
            roles: [runAsRole(mayAssume: [roleArn(account: "*", name: consumerRoleName)])],
            costLines: SampleBillMetrics.priced(SampleCostLines.quick(days: billedDays, scale: Decimal(max(1, spec.accounts / 3)),
                                                                      random: &random), discount: Decimal(string: "0.08")!)
                + SampleBillMetrics.adjustments(centralTargets, scale: 1, days: billedDays),
            quickDataSources: dataSources, quickDataSets: dataSets)
        return Scenario(clock: now, costCloseDay: 5, accounts: [central] + accounts)
    }
}
