import ChargebackModel
import Foundation
import Testing
@testable import ChargebackAttribution

@Suite("Central Quick costs and their allocation")
struct AllocationTests {
    static let units = [
        Fixture.unit("risk", account: "444444444444"),
        Fixture.unit("invest", account: "333333333333"),
        Fixture.unit("retail", account: "222222222222"),
    ]
    static let mib = Fixture.mebibyte

    static func data(_ id: String, account: String, queries: Int, status: CollectionStatus = .complete,
                     athena: String = "0") -> BusinessUnitData {
        Fixture.data(id, status: status, error: status == .failed ? "AccessDenied" : nil,
                     executions: (0..<queries).map { Fixture.execution("\(id)-\($0)", account: account, scanned: 10 * mib) },
                     costs: [Fixture.athena(account, athena)])
    }

    static func attribute(_ allocation: AllocationConfig, quick: [CostLine], units data: [BusinessUnitData]? = nil,
                          dataSources: [QuickDataSource] = [], dataSets: [QuickDataSet] = []) -> ChargebackReport {
        let data = data ?? [
            Self.data("risk", account: "444444444444", queries: 1),
            Self.data("invest", account: "333333333333", queries: 1),
            Self.data("retail", account: "222222222222", queries: 1),
        ]
        return Attribution.attribute(Fixture.input(
            config: Fixture.config(units: units, allocation: allocation), units: data,
            central: CentralData(status: .complete, costs: quick, dataSources: dataSources, dataSets: dataSets)))
    }

    static func category(_ report: ChargebackReport, _ category: QuickCostCategory) -> CategoryReport {
        report.central.categories.first { $0.category == category }!
    }

    @Test("usage types go to the first matching category, each rounded to cents; a category sums its cents")
    func categories() {
        let report = Self.attribute(AllocationConfig(), quick: [
            Fixture.quick("USE1-SPICE", "1.005"), Fixture.quick("USE1-Reader-Sessions", "2.004"),
            Fixture.quick("USE1-Reader-Sessions", "0.001"), Fixture.quick("USE1-Author-User", "3.335"),
            Fixture.quick("USE1-UserSpice", "1"), Fixture.quick("USE1-Alerts", "-0.015"),
            Fixture.quick("USE1-Capacity", "0.004"), Fixture.quick("USE1-Capacity2", "0.004"),
        ])
        #expect(report.central.categories.map(\.category) == [.sessions, .spice, .users, .other])
        #expect(Self.category(report, .spice).usageTypes.map(\.usageType) == ["USE1-SPICE", "USE1-UserSpice"])
        #expect(Self.category(report, .spice).amount == Fixture.decimal("2.01"))
        // 2.005 → 2.01; each capacity usage type rounds to 0.00 on its own.
        #expect(Self.category(report, .sessions).amount == Fixture.decimal("2.01"))
        #expect(Self.category(report, .users).amount == Fixture.decimal("3.34"))
        #expect(Self.category(report, .other).amount == Fixture.decimal("-0.02"))
        #expect(report.central.total == Fixture.decimal("7.34"))
        let none = Self.category(report, .users).allocation
        #expect(none.method == "none")
        #expect(none.allocated == 0)
        #expect(none.centralRemainder == Fixture.decimal("3.34"))
        #expect(none.shares.map(\.businessUnitId) == [AllocationShareReport.centralId])
        #expect(report.totals.centralRemainder == Fixture.decimal("7.34"))
    }

    @Test("even: equal shares, the odd cent by business unit id")
    func even() {
        let report = Self.attribute(AllocationConfig(users: .even), quick: [Fixture.quick("Author-User", "1.00")])
        let allocation = Self.category(report, .users).allocation
        #expect(allocation.shares.map(\.businessUnitId) == ["risk", "invest", "retail"])
        // Ties broken by id ascending: invest, retail, risk.
        #expect(allocation.shares.map(\.amount) == [Fixture.decimal("0.33"), Fixture.decimal("0.34"), Fixture.decimal("0.33")])
        #expect(allocation.shares.map(\.share) == [Fixture.decimal("0.333333"), Fixture.decimal("0.333333"), Fixture.decimal("0.333333")])
        #expect(allocation.allocated == 1)
        #expect(allocation.centralRemainder == 0)
        #expect(allocation.centralReason == nil)
        #expect(report.businessUnits.map(\.quickUsers) == [Fixture.decimal("0.33"), Fixture.decimal("0.34"), Fixture.decimal("0.33")])
    }

    @Test("a credit is shared with the same tie rule, so no unit gets a positive part of a negative cost")
    func evenCredit() {
        let report = Self.attribute(AllocationConfig(users: .even), quick: [Fixture.quick("Author-User", "-1.00")])
        #expect(Self.category(report, .users).allocation.shares.map(\.amount)
            == [Fixture.decimal("-0.33"), Fixture.decimal("-0.34"), Fixture.decimal("-0.33")])
    }

    @Test("fixed: percent shares; a failed unit's share stays central")
    func fixed() {
        let rule = AllocationRule.fixed(shares: [
            AllocationShare(businessUnitId: "retail", percent: 50), AllocationShare(businessUnitId: "invest", percent: 30),
            AllocationShare(businessUnitId: "risk", percent: 20),
        ])
        let report = Self.attribute(AllocationConfig(other: rule), quick: [Fixture.quick("Alerts", "10.01")], units: [
            Self.data("risk", account: "444444444444", queries: 1, status: .failed),
            Self.data("invest", account: "333333333333", queries: 1),
            Self.data("retail", account: "222222222222", queries: 1),
        ])
        let allocation = Self.category(report, .other).allocation
        #expect(allocation.shares.map(\.businessUnitId) == ["risk", "invest", "retail", AllocationShareReport.centralId])
        // 10.01 × (0.3, 0.5, 0.2) = 3.003, 5.005, 2.002 → 3.00, 5.01, 2.00 (the leftover cent to retail's .5).
        #expect(allocation.shares.map(\.amount) == [0, Fixture.decimal("3.00"), Fixture.decimal("5.01"), Fixture.decimal("2.00")])
        #expect(allocation.shares.map(\.share) == [0, Fixture.decimal("0.3"), Fixture.decimal("0.5"), Fixture.decimal("0.2")])
        #expect(allocation.allocated + allocation.centralRemainder == Fixture.decimal("10.01"))
        #expect(allocation.centralReason?.contains("risk could not be read") == true)
        #expect(report.businessUnits[0].chargebackTotal == nil)
        #expect(report.businessUnits[0].quickOther == 0)
    }

    @Test("proportional to query_count, with the key in each unit's line")
    func proportional() {
        let report = Self.attribute(AllocationConfig(sessions: .proportional(driver: .queryCount)),
                                    quick: [Fixture.quick("Reader-Sessions", "100.00")], units: [
            Self.data("risk", account: "444444444444", queries: 1),
            Self.data("invest", account: "333333333333", queries: 2),
            Self.data("retail", account: "222222222222", queries: 4),
        ])
        let allocation = Self.category(report, .sessions).allocation
        #expect(allocation.driverTotal == 7)
        #expect(allocation.shares.map(\.driverValue) == [1, 2, 4])
        // 14.2857, 28.5714, 57.1428: the leftover cent to risk's .57.
        #expect(allocation.shares.map(\.amount) == [Fixture.decimal("14.29"), Fixture.decimal("28.57"), Fixture.decimal("57.14")])
        #expect(allocation.shares.map(\.share) == [Fixture.decimal("0.142857"), Fixture.decimal("0.285714"), Fixture.decimal("0.571429")])
        let line = report.businessUnits[2].lines.first { $0.category == "quick_sessions" }
        #expect(line?.basis == "proportional to query_count: 4 of 7 (57.1429%)")
        #expect(line?.quantity == 4)
        #expect(report.businessUnits[2].allocations.map(\.category) == [.sessions])
    }

    @Test("a zero driver total leaves the category central and flags it")
    func zeroDriver() {
        let report = Self.attribute(AllocationConfig(sessions: .proportional(driver: .billedBytes)),
                                    quick: [Fixture.quick("Reader-Sessions", "5.00")], units: [
            Self.data("risk", account: "444444444444", queries: 0),
            Self.data("invest", account: "333333333333", queries: 0),
            Self.data("retail", account: "222222222222", queries: 0),
        ])
        let allocation = Self.category(report, .sessions).allocation
        #expect(allocation.flagged)
        #expect(allocation.allocated == 0)
        #expect(allocation.centralRemainder == 5)
        #expect(allocation.shares.last?.businessUnitId == AllocationShareReport.centralId)
        #expect(allocation.shares.last?.share == 1)
        #expect(report.dataQuality.contains { $0.kind == .zeroDriverTotal })
    }

    @Test("athena_cost: reconciled cost; a unit with a net credit counts as zero")
    func athenaCost() {
        let report = Self.attribute(AllocationConfig(spice: .proportional(driver: .athenaCost)),
                                    quick: [Fixture.quick("SPICE", "9.00")], units: [
            Self.data("risk", account: "444444444444", queries: 1, athena: "-4.00"),
            Self.data("invest", account: "333333333333", queries: 1, athena: "1.00"),
            Self.data("retail", account: "222222222222", queries: 1, athena: "2.00"),
        ])
        let allocation = Self.category(report, .spice).allocation
        #expect(allocation.shares.map(\.driverValue) == [0, 1, 2])
        #expect(allocation.shares.map(\.amount) == [0, 3, 6])
    }

    @Test("spice_bytes: data sets over several units split evenly to the byte; unmapped bytes stay central")
    func spiceBytes() {
        func source(_ id: String, account: String?) -> QuickDataSource {
            QuickDataSource(id: id, arn: "arn:aws:quicksight:us-east-1:111111111111:datasource/\(id)", type: "ATHENA",
                            consumerAccountRoleArn: account.map { "arn:aws:iam::\($0):role/qs-athena-consumer-role" })
        }
        let sources = [source("retail", account: "222222222222"), source("invest", account: "333333333333"),
                       source("orphan", account: "999999999999"), source("none", account: nil)]
        func set(_ id: String, _ bytes: Int64, _ sources: [String], mode: String = "SPICE") -> QuickDataSet {
            QuickDataSet(id: id, importMode: mode, spiceBytes: bytes,
                         dataSourceArns: sources.map { "arn:aws:quicksight:us-east-1:111111111111:datasource/\($0)" })
        }
        let sets = [
            set("a", 1_000, ["retail"]), set("b", 1_001, ["retail", "invest"]), set("c", 500, ["orphan"]),
            set("d", 499, ["none"]), set("direct", 0, ["retail"], mode: "DIRECT_QUERY"),
        ]
        let report = Self.attribute(AllocationConfig(spice: .proportional(driver: .spiceBytes)),
                                    quick: [Fixture.quick("SPICE", "30.00")], dataSources: sources, dataSets: sets)
        let allocation = Self.category(report, .spice).allocation
        #expect(allocation.driverTotal == 3_000)
        // b's 1,001 bytes: 501 to invest (first by id), 500 to retail.
        #expect(allocation.shares.map(\.businessUnitId) == ["risk", "invest", "retail", AllocationShareReport.centralId])
        #expect(allocation.shares.map(\.driverValue) == [0, 501, 1_500, 999])
        #expect(allocation.shares.map(\.amount) == [0, Fixture.decimal("5.01"), 15, Fixture.decimal("9.99")])
        #expect(allocation.centralRemainder == Fixture.decimal("9.99"))
        #expect(allocation.centralReason?.contains("999 bytes") == true)
        #expect(!allocation.flagged)
    }
}
