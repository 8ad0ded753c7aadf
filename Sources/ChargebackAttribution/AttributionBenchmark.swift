import ChargebackModel
import Foundation

/// A synthetic month for the benchmark: attribution of a large organisation's executions, built
/// without randomness so every run measures the same work.
public enum AttributionBenchmark {
    /// A month of `executions` executions spread over `businessUnits` units (two regions, `workgroups`
    /// workgroups each), with Athena, Glue and S3 costs per unit, Quick costs in every category,
    /// SPICE data sets, and an allocation rule of each kind.
    public static func syntheticInput(executions: Int = 1_000_000, businessUnits: Int = 100, workgroups: Int = 5,
                                      month: BillingMonth = BillingMonth(year: 2026, month: 10)!) -> AttributionInput {
        precondition(businessUnits > 0 && workgroups > 0)
        let regions = ["eu-west-1", "us-east-1"]
        let units = (0..<businessUnits).map { index -> BusinessUnitConfig in
            let account = String(200_000_000_000 + index)
            return BusinessUnitConfig(
                id: "bu-\(index)", name: "Business unit \(index)", accountId: account,
                roleArn: IAMRoleARN("arn:aws:iam::\(account):role/qs-athena-consumer-role")!,
                externalId: "arn:aws:quicksight:us-east-1:111111111111:datasource/bu-\(index)", regions: regions,
                budget: 10_000)
        }
        let config = ChargebackConfig(
            version: 1, currency: "USD", central: CentralConfig(accountId: "111111111111", region: "us-east-1"),
            pricing: PricingConfig(athenaUSDPerTBByRegion: ["eu-west-1": Decimal(6)]), costMetric: .unblendedCost,
            services: ServiceMapping.standard, businessUnits: units,
            allocation: AllocationConfig(
                sessions: .proportional(driver: .queryCount), spice: .proportional(driver: .spiceBytes), users: .even,
                other: .proportional(driver: .athenaCost)),
            usageTypeRules: .standard, costSource: .costExplorer, sourcePath: "synthetic.yaml")
        let start = month.start.timeIntervalSince1970
        let seconds = month.end.timeIntervalSince1970 - start
        let states: [AthenaExecutionState] = [.succeeded, .succeeded, .succeeded, .succeeded, .failed, .cancelled]
        let data = units.enumerated().map { unitIndex, unit -> BusinessUnitData in
            let share = executions / businessUnits + (unitIndex < executions % businessUnits ? 1 : 0)
            var list: [AthenaExecution] = []
            list.reserveCapacity(share)
            for number in 0..<share {
                // A cheap deterministic spread of sizes, times, states and workgroups.
                let mix = UInt64(truncatingIfNeeded: number &* 2_654_435_761 &+ unitIndex &* 40_503)
                list.append(AthenaExecution(
                    id: "q\(unitIndex)-\(number)", accountId: unit.accountId, region: regions[number % 2],
                    workgroup: "wg\(number % workgroups)", state: states[Int(mix % 6)],
                    submittedAt: Date(timeIntervalSince1970: start + Double(mix % UInt64(seconds))),
                    statementType: mix % 17 == 0 ? "DDL" : "DML", database: "sales",
                    dataScannedBytes: Int64(mix % (1 << 34)), engineTimeMillis: Int64(mix % 60_000),
                    reusedPreviousResult: mix % 23 == 0))
            }
            let costs = [("Amazon Athena", "1234.5678"), ("AWS Glue", "210.10"), ("Amazon Simple Storage Service", "99.99")]
                .map { service, amount in
                    CostLine(accountId: unit.accountId, month: month, metric: "UnblendedCost", service: service,
                             usageType: "usage", amount: Decimal(string: amount)!, unit: "USD", estimated: false)
                }
            return BusinessUnitData(
                unitId: unit.id, status: .complete, executions: list,
                workgroups: (0..<workgroups).map {
                    AthenaWorkgroup(accountId: unit.accountId, region: regions[$0 % 2], name: "wg\($0)")
                },
                costs: costs, historyCoveredFrom: month.start)
        }
        let quick = [("USE1-Reader-Sessions", "25000.00"), ("USE1-SPICE", "4000.00"), ("USE1-Author-User", "7200.00"),
                     ("USE1-Alerts", "310.55")].map { usageType, amount in
            CostLine(accountId: "111111111111", month: month, metric: "UnblendedCost",
                     service: CentralConfig.defaultQuickServiceName, usageType: usageType,
                     amount: Decimal(string: amount)!, unit: "USD", estimated: false)
        }
        let sources = units.map {
            QuickDataSource(id: $0.id, arn: "arn:aws:quicksight:us-east-1:111111111111:datasource/\($0.id)",
                            type: "ATHENA", consumerAccountRoleArn: $0.roleArn.text)
        }
        let sets = units.indices.map { index in
            QuickDataSet(id: "set-\(index)", importMode: "SPICE", spiceBytes: Int64(index + 1) * 1_000_000,
                         dataSourceArns: [sources[index].arn, sources[(index + 1) % units.count].arn].sorted())
        }
        return AttributionInput(
            config: config, month: month, units: data,
            central: CentralData(status: .complete, costs: quick, dataSources: sources, dataSets: sets),
            generatedAt: month.end, toolVersion: "bench")
    }
}
