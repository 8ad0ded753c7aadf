import ChargebackModel
import Foundation

/// The small, fixed organisation of docs/computation.md's worked example: two business units,
/// retail and risk, in one region at the default price, and a central account with Quick costs in
/// every category.
enum WorkedExample {
    static let retailAccount = "222222222222"
    static let riskAccount = "444444444444"
    static let metric = CostMetric.netUnblendedCost

    static let retail = Fixture.unit("retail", account: retailAccount, budget: "150.00", costCenter: "CC-1001")
    static let risk = Fixture.unit("risk", account: riskAccount, costCenter: "CC-3001")

    static let allocation = AllocationConfig(
        sessions: .proportional(driver: .queryCount), spice: .proportional(driver: .spiceBytes), users: .even,
        other: .none)

    static var config: ChargebackConfig {
        Fixture.config(units: [retail, risk], allocation: allocation, metric: metric)
    }

    /// Retail's queries: the rules' cases in one month.
    static let retailExecutions = [
        Fixture.execution("r-01", account: retailAccount, workgroup: "bi", scanned: 429_496_729_600),
        Fixture.execution("r-02", account: retailAccount, workgroup: "bi", scanned: 1_099_511_627_776),
        Fixture.execution("r-03", account: retailAccount, workgroup: "primary", scanned: 5_000_000),
        Fixture.execution("r-04", account: retailAccount, workgroup: "primary", state: .failed, scanned: 2_147_483_648),
        Fixture.execution("r-05", account: retailAccount, workgroup: "primary", state: .cancelled, scanned: 161_061_273_601),
        Fixture.execution("r-06", account: retailAccount, workgroup: "primary", scanned: 50_000_000_000, reused: true),
        Fixture.execution("r-07", account: retailAccount, workgroup: "primary", scanned: 0, statement: "DDL"),
    ]

    static let riskExecutions = [
        Fixture.execution("k-01", account: riskAccount, workgroup: "primary", scanned: 2_199_023_255_552),
        Fixture.execution("k-02", account: riskAccount, workgroup: "primary", scanned: 1_000),
    ]

    static func cost(_ account: String, _ service: String, _ usageType: String, _ amount: String) -> CostLine {
        Fixture.cost(account, service, usageType, amount, metric: metric)
    }

    static var input: AttributionInput {
        let dataSources = [
            QuickDataSource(id: "athena-retail", arn: "arn:aws:quicksight:us-east-1:111111111111:datasource/athena-retail",
                            type: "ATHENA", consumerAccountRoleArn: retail.roleArn.text),
            QuickDataSource(id: "athena-risk", arn: "arn:aws:quicksight:us-east-1:111111111111:datasource/athena-risk",
                            type: "ATHENA", consumerAccountRoleArn: risk.roleArn.text),
            QuickDataSource(id: "s3-legacy", arn: "arn:aws:quicksight:us-east-1:111111111111:datasource/s3-legacy",
                            type: "S3"),
        ]
        let dataSets = [
            QuickDataSet(id: "sales", name: "Sales", importMode: "SPICE", spiceBytes: 6_000_000_000,
                         dataSourceArns: [dataSources[0].arn]),
            QuickDataSet(id: "exposure", name: "Exposure", importMode: "SPICE", spiceBytes: 3_000_000_001,
                         dataSourceArns: [dataSources[0].arn, dataSources[1].arn]),
            QuickDataSet(id: "legacy", name: "Legacy", importMode: "SPICE", spiceBytes: 1_000_000_000,
                         dataSourceArns: [dataSources[2].arn]),
        ]
        let quick = [("USE1-Reader-Sessions", "40.00"), ("USE1-SPICE", "12.00"), ("USE1-Author-User", "18.005"),
                     ("USE1-Alerts", "1.50")].map {
            cost(Fixture.centralAccount, CentralConfig.defaultQuickServiceName, $0.0, $0.1)
        }
        return Fixture.input(
            config: config,
            units: [
                Fixture.data("retail", executions: retailExecutions, costs: [
                    cost(retailAccount, "Amazon Athena", "USE1-DataScannedInTB", "7.91"),
                    cost(retailAccount, "AWS Glue", "USE1-ETL-DPU-Hour", "12.345"),
                    cost(retailAccount, "AWS Glue", "USE1-Credit", "-0.50"),
                    cost(retailAccount, "Amazon Simple Storage Service", "USE1-TimedStorage-ByteHrs", "3.20"),
                ]),
                Fixture.data("risk", executions: riskExecutions, costs: [
                    cost(riskAccount, "Amazon Athena", "USE1-DataScannedInTB", "10.00"),
                    cost(riskAccount, "AWS Glue", "USE1-ETL-DPU-Hour", "1.00"),
                    cost(riskAccount, "Amazon Simple Storage Service", "USE1-TimedStorage-ByteHrs", "0.80"),
                ]),
            ],
            central: CentralData(status: .complete, costs: quick, dataSources: dataSources, dataSets: dataSets),
            previous: PreviousMonthTotals(month: Fixture.month.previous, chargebackTotals: ["retail": 90, "risk": 30],
                                          total: 120))
    }
}
