import ChargebackModel
import Foundation

/// A hand-built October 2026 report: retail (complete, a Glue credit, a flagged workgroup),
/// invest (partial, estimated, its Athena bill on an `(unattributed)` line) and risk (failed);
/// Quick costs allocated proportionally, evenly, and not at all, with `(central)` rows. Every
/// figure ties out as the attribution would make it: lines add up to chargeback totals.
enum ReportFixture {
    static func d(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }
    static func date(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    static let month = BillingMonth("2026-10")!

    static func report() -> ChargebackReport {
        ChargebackReport(
            month: month, periodStart: "2026-10-01", periodEnd: "2026-11-01", currency: "USD",
            costMetric: "NetUnblendedCost", status: .partial, costDataFinal: false,
            generatedAt: date("2026-11-02T06:15:00Z"), tool: ToolInfo(version: "1.0.0"),
            run: RunInfo(runId: "run-20261102-0600", collectedAt: date("2026-11-02T06:00:00Z"), costExplorerRequests: 14),
            settings: settings(), totals: totals(), businessUnits: [retail(), invest(), risk()], central: central(),
            dataQuality: [
                DataQualityNote(kind: .failedBusinessUnit, businessUnitId: "risk",
                                message: "risk failed: its costs are missing from every total and nothing is charged to it"),
                DataQualityNote(kind: .estimatedCostData, businessUnitId: "invest",
                                message: "invest's figures are estimates: Cost Explorer has not closed October 2026"),
                DataQualityNote(kind: .athenaVariance, businessUnitId: "invest",
                                message: "invest's Athena bill of 15.00 USD is explained by no query"),
            ])
    }

    static func settings() -> ReportSettings {
        ReportSettings(
            athenaPricePerTB: d("5.00"), athenaPricePerTBByRegion: ["eu-central-1": d("5.50")],
            usageTypeRules: [UsageTypeRuleReport(category: .spice, pattern: "(?i)spice"),
                             UsageTypeRuleReport(category: .sessions, pattern: "(?i)reader|session|capacity"),
                             UsageTypeRuleReport(category: .users, pattern: "(?i)user|author")],
            allocationRules: [AllocationRuleReport(category: .sessions, method: "proportional", driver: "query_count"),
                              AllocationRuleReport(category: .spice, method: "proportional", driver: "spice_bytes"),
                              AllocationRuleReport(category: .users, method: "even"),
                              AllocationRuleReport(category: .other, method: "none")],
            services: [ServiceReport(key: "athena", costExplorerName: "Amazon Athena"),
                       ServiceReport(key: "glue", costExplorerName: "AWS Glue"),
                       ServiceReport(key: "s3", costExplorerName: "Amazon Simple Storage Service"),
                       ServiceReport(key: "kms", costExplorerName: "AWS Key Management Service")],
            quickServiceName: "Amazon QuickSight", varianceThreshold: d("0.10"))
    }

    static func totals() -> ReportTotals {
        ReportTotals(chargebackTotal: d("1210.25"), consumerTotal: d("872.00"), allocatedQuick: d("338.25"),
                     centralRemainder: d("15.00"), centralQuickTotal: d("353.25"), athenaBilled: d("827.40"),
                     athenaEstimated: d("793.12"), glue: d("-9.50"), s3: d("52.87"), otherServices: d("1.23"),
                     quickSessions: d("200.00"), quickSpice: d("30.25"), quickUsers: d("108.00"), quickOther: d("0"),
                     budget: d("2000.00"), previousChargebackTotal: d("1100.00"), change: d("110.25"),
                     changeFraction: d("0.1002"))
    }

    static func share(_ category: QuickCostCategory, _ unit: String, _ method: String, _ driver: String?,
                      _ value: String?, _ total: String?, _ share: String, _ amount: String) -> AllocationShareReport {
        AllocationShareReport(category: category, businessUnitId: unit, method: method, driver: driver,
                              driverValue: value.map(d), driverTotal: total.map(d), share: d(share), amount: d(amount))
    }

    static func retail() -> BusinessUnitReport {
        let bi = WorkgroupReport(
            region: "us-east-1", name: "bi", queries: 1250, queriesBillable: 1180, queriesFailed: 40, queriesCancelled: 30,
            queriesRunning: 0, bytesScanned: 124_000_000_000_000, bytesBilled: 124_010_000_000_000,
            estimatedCostExact: d("585.4987"), estimatedCost: d("585.50"), reconciledCost: d("600.00"),
            engineTimeMillis: 9_876_543,
            settings: WorkgroupSettingsReport(bytesScannedCutoffPerQuery: 1_099_511_627_776, enforceConfiguration: true,
                                              resultEncryption: "SSE_KMS", engineVersion: "Athena engine version 3"),
            flags: [])
        let primary = WorkgroupReport(
            region: "us-east-1", name: "primary", queries: 310, queriesBillable: 300, queriesFailed: 6, queriesCancelled: 2,
            queriesRunning: 2, bytesScanned: 45_000_000_000_000, bytesBilled: 45_650_000_000_000,
            estimatedCostExact: d("207.6213"), estimatedCost: d("207.62"), reconciledCost: d("212.40"),
            engineTimeMillis: 1_234_567,
            settings: WorkgroupSettingsReport(bytesScannedCutoffPerQuery: nil, enforceConfiguration: false,
                                              resultEncryption: nil, engineVersion: "Athena engine version 3"),
            flags: ["no per-query scan limit", "results not encrypted"])
        let costs: [(exact: String, cents: String)] = [("9.094947", "9.09"), ("6.821210", "6.82"), ("4.547474", "4.55")]
        var queries: [QueryCostReport] = []
        for index in 0..<3 {
            let bytes: Int64 = 2_000_000_000_000 - Int64(index) * 500_000_000_000
            let text: String? = index == 0 ? "SELECT region, sum(amount) FROM sales WHERE note <> '<b>' GROUP BY 1" : nil
            queries.append(QueryCostReport(
                id: "7f3c2a10-0000-4000-8000-00000000000\(index)", region: "us-east-1",
                workgroup: index == 2 ? "primary" : "bi", database: index == 1 ? nil : "sales",
                submittedAt: date("2026-10-1\(index)T09:3\(index):00Z"), state: "SUCCEEDED", bytesScanned: bytes,
                bytesBilled: bytes, estimatedCostExact: d(costs[index].exact), estimatedCost: d(costs[index].cents),
                queryText: text))
        }
        return BusinessUnitReport(
            id: "retail", name: "Retail Banking", accountId: "222222222222", costCenter: "CC-1001", regions: ["us-east-1"],
            status: .complete, error: nil, costDataFinal: true, athenaBilled: d("812.40"), athenaEstimated: d("793.12"),
            athenaVariance: d("19.28"), athenaVarianceFraction: d("0.0243"), athenaVarianceFlagged: false,
            glue: d("-12.50"), s3: d("45.10"), otherServices: d("0.00"),
            services: [
                ServiceCostReport(key: "athena", costExplorerName: "Amazon Athena", amount: d("812.40"),
                                  usageTypes: [UsageTypeAmount(usageType: "USE1-DataScannedInTB", amount: d("812.4012"))],
                                  matchedAnyCost: true),
                ServiceCostReport(key: "glue", costExplorerName: "AWS Glue", amount: d("-12.50"),
                                  usageTypes: [UsageTypeAmount(usageType: "USE1-Crawler-DPU-Hour", amount: d("7.5"))
                                               , UsageTypeAmount(usageType: "USE1-Credit", amount: d("-20"))],
                                  matchedAnyCost: true),
                ServiceCostReport(key: "s3", costExplorerName: "Amazon Simple Storage Service", amount: d("45.10"),
                                  usageTypes: [UsageTypeAmount(usageType: "USE1-TimedStorage-ByteHrs", amount: d("45.1033"))],
                                  matchedAnyCost: true),
                ServiceCostReport(key: "kms", costExplorerName: "AWS Key Management Service", amount: d("0.00"),
                                  usageTypes: [], matchedAnyCost: false),
            ],
            consumerTotal: d("845.00"), quickSessions: d("120.00"), quickSpice: d("30.25"), quickUsers: d("54.00"),
            quickOther: d("0.00"), chargebackTotal: d("1049.25"), budget: d("1500.00"), budgetUse: d("0.6995"),
            previousChargebackTotal: d("980.00"), change: d("69.25"), changeFraction: d("0.0707"),
            workgroups: [bi, primary], topQueries: queries,
            allocations: [share(.sessions, "retail", "proportional", "query_count", "1500", "2500", "0.600000", "120.00"),
                          share(.spice, "retail", "proportional", "spice_bytes", "3000000000", "3991787520", "0.751553", "30.25"),
                          share(.users, "retail", "even", nil, nil, nil, "0.500000", "54.00")],
            lines: [
                ChargebackLine(category: "athena", item: "us-east-1/bi", quantity: d("1180"), unit: "queries", amount: d("600.00"),
                               basis: "share of the billed Athena cost in proportion to estimated query cost"),
                ChargebackLine(category: "athena", item: "us-east-1/primary", quantity: d("300"), unit: "queries", amount: d("212.40"),
                               basis: "share of the billed Athena cost in proportion to estimated query cost"),
                ChargebackLine(category: "consumer", item: "glue", quantity: nil, unit: nil, amount: d("-12.50"),
                               basis: "Cost Explorer, NetUnblendedCost, credits included"),
                ChargebackLine(category: "consumer", item: "s3", quantity: nil, unit: nil, amount: d("45.10"),
                               basis: "Cost Explorer, NetUnblendedCost"),
                ChargebackLine(category: "quick_sessions", item: "sessions", quantity: d("1500"), unit: "queries", amount: d("120.00"),
                               basis: "proportional to query_count: 1500 of 2500"),
                ChargebackLine(category: "quick_spice", item: "spice", quantity: d("3000000000"), unit: "bytes", amount: d("30.25"),
                               basis: "proportional to spice_bytes: 3000000000 of 3991787520"),
                ChargebackLine(category: "quick_users", item: "users", quantity: nil, unit: nil, amount: d("54.00"),
                               basis: "even over 2 business units"),
            ])
    }

    static func invest() -> BusinessUnitReport {
        let unattributed = WorkgroupReport(
            region: "us-east-1", name: WorkgroupReport.unattributed, queries: 0, queriesBillable: 0, queriesFailed: 0,
            queriesCancelled: 0, queriesRunning: 0, bytesScanned: 0, bytesBilled: 0, estimatedCostExact: 0,
            estimatedCost: 0, reconciledCost: d("15.00"), engineTimeMillis: 0, settings: nil, flags: [])
        return BusinessUnitReport(
            id: "invest", name: "Investment Banking", accountId: "333333333333", costCenter: nil, regions: ["us-east-1", "eu-central-1"],
            status: .partial, error: "eu-central-1: Athena ListQueryExecutions was throttled; its queries are missing",
            costDataFinal: false, athenaBilled: d("15.00"), athenaEstimated: d("0.00"), athenaVariance: d("15.00"),
            athenaVarianceFraction: nil, athenaVarianceFlagged: true, glue: d("3.00"), s3: d("7.77"), otherServices: d("1.23"),
            services: [
                ServiceCostReport(key: "athena", costExplorerName: "Amazon Athena", amount: d("15.00"),
                                  usageTypes: [UsageTypeAmount(usageType: "USE1-DataScannedInTB", amount: d("15"))], matchedAnyCost: true),
                ServiceCostReport(key: "glue", costExplorerName: "AWS Glue", amount: d("3.00"),
                                  usageTypes: [UsageTypeAmount(usageType: "USE1-Crawler-DPU-Hour", amount: d("3"))], matchedAnyCost: true),
                ServiceCostReport(key: "s3", costExplorerName: "Amazon Simple Storage Service", amount: d("7.77"),
                                  usageTypes: [UsageTypeAmount(usageType: "USE1-Requests-Tier1", amount: d("7.7749"))], matchedAnyCost: true),
                ServiceCostReport(key: "kms", costExplorerName: "AWS Key Management Service", amount: d("1.23"),
                                  usageTypes: [UsageTypeAmount(usageType: "USE1-KMS-Requests", amount: d("1.23"))], matchedAnyCost: true),
            ],
            consumerTotal: d("27.00"), quickSessions: d("80.00"), quickSpice: d("0.00"), quickUsers: d("54.00"),
            quickOther: d("0.00"), chargebackTotal: d("161.00"), budget: nil, budgetUse: nil, previousChargebackTotal: nil,
            change: nil, changeFraction: nil, workgroups: [unattributed], topQueries: [],
            allocations: [share(.sessions, "invest", "proportional", "query_count", "1000", "2500", "0.400000", "80.00"),
                          share(.users, "invest", "even", nil, nil, nil, "0.500000", "54.00")],
            lines: [
                ChargebackLine(category: "athena", item: "us-east-1/(unattributed)", quantity: nil, unit: nil, amount: d("15.00"),
                               basis: "billed Athena cost no query explains"),
                ChargebackLine(category: "consumer", item: "glue", quantity: nil, unit: nil, amount: d("3.00"), basis: "Cost Explorer, NetUnblendedCost"),
                ChargebackLine(category: "consumer", item: "s3", quantity: nil, unit: nil, amount: d("7.77"), basis: "Cost Explorer, NetUnblendedCost"),
                ChargebackLine(category: "consumer", item: "kms", quantity: nil, unit: nil, amount: d("1.23"), basis: "Cost Explorer, NetUnblendedCost"),
                ChargebackLine(category: "quick_sessions", item: "sessions", quantity: d("1000"), unit: "queries", amount: d("80.00"),
                               basis: "proportional to query_count: 1000 of 2500"),
                ChargebackLine(category: "quick_users", item: "users", quantity: nil, unit: nil, amount: d("54.00"),
                               basis: "even over 2 business units"),
            ])
    }

    static func risk() -> BusinessUnitReport {
        BusinessUnitReport(
            id: "risk", name: "Risk", accountId: "444444444444", costCenter: "CC-3001", regions: ["eu-central-1"],
            status: .failed, error: "AccessDenied: arn:aws:iam::444444444444:role/qs-athena-consumer-role cannot be assumed",
            costDataFinal: false, athenaBilled: nil, athenaEstimated: nil, athenaVariance: nil, athenaVarianceFraction: nil,
            athenaVarianceFlagged: false, glue: nil, s3: nil, otherServices: nil, services: [], consumerTotal: nil,
            quickSessions: 0, quickSpice: 0, quickUsers: 0, quickOther: 0, chargebackTotal: nil, budget: d("500.00"),
            budgetUse: nil, previousChargebackTotal: d("120.00"), change: nil, changeFraction: nil, workgroups: [],
            topQueries: [], allocations: [], lines: [])
    }

    static func central() -> CentralReport {
        let sessions = CategoryReport(
            category: .sessions, amount: d("200.00"),
            usageTypes: [UsageTypeAmount(usageType: "USE1-QS-Reader-Capacity", amount: d("40.00")),
                         UsageTypeAmount(usageType: "USE1-QS-Reader-Sessions", amount: d("160.00"))],
            allocation: AllocationReport(category: .sessions, method: "proportional", driver: "query_count", driverTotal: d("2500"),
                                         allocated: d("200.00"), centralRemainder: 0, centralReason: nil, flagged: false,
                                         shares: [share(.sessions, "retail", "proportional", "query_count", "1500", "2500", "0.600000", "120.00"),
                                                  share(.sessions, "invest", "proportional", "query_count", "1000", "2500", "0.400000", "80.00")]))
        let spice = CategoryReport(
            category: .spice, amount: d("40.25"), usageTypes: [UsageTypeAmount(usageType: "USE1-QS-SPICE", amount: d("40.25"))],
            allocation: AllocationReport(category: .spice, method: "proportional", driver: "spice_bytes", driverTotal: d("3991787520"),
                                         allocated: d("30.25"), centralRemainder: d("10.00"),
                                         centralReason: "SPICE data sets that map to no business unit.", flagged: false,
                                         shares: [share(.spice, "retail", "proportional", "spice_bytes", "3000000000", "3991787520", "0.751553", "30.25"),
                                                  share(.spice, AllocationShareReport.centralId, "proportional", "spice_bytes", "991787520", "3991787520", "0.248447", "10.00")]))
        let users = CategoryReport(
            category: .users, amount: d("108.00"),
            usageTypes: [UsageTypeAmount(usageType: "USE1-QS-User-Enterprise-Month", amount: d("108.00"))],
            allocation: AllocationReport(category: .users, method: "even", driver: nil, driverTotal: nil, allocated: d("108.00"),
                                         centralRemainder: 0, centralReason: nil, flagged: false,
                                         shares: [share(.users, "retail", "even", nil, nil, nil, "0.500000", "54.00"),
                                                  share(.users, "invest", "even", nil, nil, nil, "0.500000", "54.00")]))
        let other = CategoryReport(
            category: .other, amount: d("5.00"), usageTypes: [UsageTypeAmount(usageType: "USE1-QS-Alerts", amount: d("5.00"))],
            allocation: AllocationReport(category: .other, method: "none", driver: nil, driverTotal: nil, allocated: 0,
                                         centralRemainder: d("5.00"), centralReason: "the method is none", flagged: false,
                                         shares: [share(.other, AllocationShareReport.centralId, "none", nil, nil, nil, "1.000000", "5.00")]))
        return CentralReport(accountId: "111111111111", status: .complete, error: nil, costDataFinal: true,
                             categories: [sessions, spice, users, other], total: d("353.25"),
                             quickServiceName: "Amazon QuickSight", quickServiceNameFound: false)
    }
}
