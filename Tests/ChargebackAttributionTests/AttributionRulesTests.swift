import ChargebackModel
import Foundation
import Testing
@testable import ChargebackAttribution

@Suite("Consumer costs, reconciliation, totals and notes")
struct AttributionRulesTests {
    static let retail = Fixture.unit("retail", account: "222222222222", budget: "100.00")
    static let mib = Fixture.mebibyte

    static func attribute(_ data: BusinessUnitData, config: ChargebackConfig? = nil,
                          central: CentralData = CentralData(status: .complete),
                          previous: PreviousMonthTotals? = nil) -> ChargebackReport {
        Attribution.attribute(Fixture.input(config: config ?? Fixture.config(units: [retail]), units: [data],
                                            central: central, previous: previous))
    }

    @Test("a negative (credit) line reduces the service; the exact sum is rounded half away from zero once")
    func creditLine() {
        let report = Self.attribute(Fixture.data("retail", costs: [
            Fixture.cost("222222222222", "AWS Glue", "USE1-ETL-DPU-Hour", "10.00"),
            Fixture.cost("222222222222", "AWS Glue", "USE1-Crawler", "-2.505"),
            Fixture.cost("222222222222", "Amazon Simple Storage Service", "USE1-Requests", "0.004"),
            Fixture.cost("222222222222", "Amazon Simple Storage Service", "USE1-Storage", "0.001"),
            Fixture.athena("222222222222", "-0.005"),
        ]))
        let unit = report.businessUnits[0]
        #expect(unit.glue == Fixture.decimal("7.50"))
        #expect(unit.s3 == Fixture.decimal("0.01"))
        #expect(unit.athenaBilled == Fixture.decimal("-0.01"))
        #expect(unit.services[1].usageTypes.map(\.usageType) == ["USE1-Crawler", "USE1-ETL-DPU-Hour"])
        #expect(unit.services[1].usageTypes.map(\.amount) == [Fixture.decimal("-2.505"), 10])
        #expect(unit.consumerTotal == Fixture.decimal("7.50"))
        #expect(unit.chargebackTotal == Fixture.decimal("7.50"))
    }

    @Test("lines of another account, month or metric are not the unit's")
    func filtersLines() {
        var otherMonth = Fixture.athena("222222222222", "5")
        otherMonth.month = Fixture.month.previous
        let report = Self.attribute(Fixture.data("retail", costs: [
            Fixture.athena("222222222222", "1.00"), Fixture.athena("333333333333", "2.00"), otherMonth,
            Fixture.cost("222222222222", "Amazon Athena", "x", "4.00", metric: .amortizedCost),
            Fixture.cost("222222222222", "Amazon EC2", "x", "8.00"),
        ]))
        #expect(report.businessUnits[0].athenaBilled == Fixture.decimal("1.00"))
    }

    @Test("an amount in another currency fails the unit with a clear error, never converted")
    func foreignCurrency() {
        let report = Self.attribute(Fixture.data("retail", executions: [Fixture.execution("q", scanned: 10)], costs: [
            Fixture.athena("222222222222", "1.00"),
            Fixture.cost("222222222222", "AWS Glue", "x", "3.00", unit: "EUR"),
        ]))
        let unit = report.businessUnits[0]
        #expect(unit.status == .failed)
        #expect(unit.error?.contains("AWS Glue in EUR") == true)
        #expect(unit.error?.contains("not USD") == true)
        #expect(unit.chargebackTotal == nil)
        #expect(unit.lines.isEmpty)
        #expect(report.status == .partial)
        #expect(report.dataQuality.contains { $0.kind == .failedBusinessUnit })
    }

    @Test("a configured service with no line at all is reported and noted")
    func serviceWithoutCost() {
        let report = Self.attribute(Fixture.data("retail", costs: [Fixture.athena("222222222222", "1.00")]))
        let unit = report.businessUnits[0]
        #expect(unit.services.map(\.matchedAnyCost) == [true, false, false])
        #expect(report.dataQuality.filter { $0.kind == .serviceWithoutCost }.count == 2)
    }

    @Test("the bill is apportioned over workgroups by exact estimate; ties by region then name")
    func reconciliation() {
        let executions = [
            Fixture.execution("a", region: "us-east-1", workgroup: "zeta", scanned: 10 * Self.mib),
            Fixture.execution("b", region: "us-east-1", workgroup: "alpha", scanned: 10 * Self.mib),
            Fixture.execution("c", region: "eu-west-1", workgroup: "zeta", scanned: 10 * Self.mib),
        ]
        let report = Self.attribute(Fixture.data("retail", executions: executions, costs: [
            Fixture.athena("222222222222", "1.00"),
        ]))
        let workgroups = report.businessUnits[0].workgroups
        #expect(workgroups.map { "\($0.region)/\($0.name)" } == ["eu-west-1/zeta", "us-east-1/alpha", "us-east-1/zeta"])
        #expect(workgroups.map(\.reconciledCost) == [Fixture.decimal("0.34"), Fixture.decimal("0.33"), Fixture.decimal("0.33")])
        #expect(report.businessUnits[0].athenaEstimated == 0)
        // An estimate under a cent: the variance is the whole bill, flagged.
        #expect(report.businessUnits[0].athenaVarianceFlagged)
    }

    @Test("every estimate zero: one (unattributed) line carries the bill")
    func unattributed() {
        let report = Self.attribute(Fixture.data("retail", executions: [
            Fixture.execution("ddl", scanned: 0, statement: "DDL"),
        ], costs: [Fixture.athena("222222222222", "3.21")]))
        let unit = report.businessUnits[0]
        #expect(unit.workgroups.map(\.name) == ["primary", WorkgroupReport.unattributed])
        #expect(unit.workgroups.map(\.reconciledCost) == [0, Fixture.decimal("3.21")])
        #expect(unit.athenaVarianceFraction == nil)
        #expect(unit.athenaVarianceFlagged)
        #expect(unit.lines.first { $0.item == WorkgroupReport.unattributed }?.amount == Fixture.decimal("3.21"))
    }

    @Test("no bill and no estimate: no (unattributed) line")
    func nothingToAttribute() {
        let report = Self.attribute(Fixture.data("retail", costs: [Fixture.athena("222222222222", "0")]))
        #expect(report.businessUnits[0].workgroups.isEmpty)
        #expect(!report.businessUnits[0].athenaVarianceFlagged)
    }

    @Test("variance: billed − estimated; flagged over 10% of the estimate", arguments: [
        ("5.50", "0.1000", false), ("5.51", "0.1020", true), ("4.50", "-0.1000", false), ("4.49", "-0.1020", true),
    ])
    func variance(billed: String, fraction: String, flagged: Bool) {
        let report = Self.attribute(Fixture.data("retail", executions: [Fixture.execution("tib", scanned: 1 << 40)],
                                                 costs: [Fixture.athena("222222222222", billed)]))
        let unit = report.businessUnits[0]
        #expect(unit.athenaEstimated == 5)
        #expect(unit.athenaVariance == Fixture.decimal(billed) - 5)
        #expect(unit.athenaVarianceFraction == Fixture.decimal(fraction))
        #expect(unit.athenaVarianceFlagged == flagged)
        #expect(report.dataQuality.contains { $0.kind == .athenaVariance } == flagged)
    }

    @Test("the 20 costliest billable queries, most expensive first, ties by id")
    func topQueries() {
        var executions = (0..<30).map { Fixture.execution(String(format: "q%02d", $0), scanned: Int64($0 % 10 + 10) * Self.mib) }
        executions.append(Fixture.execution("failed-big", state: .failed, scanned: 1 << 40))
        executions.append(Fixture.execution("reused-big", scanned: 1 << 40, reused: true))
        let report = Self.attribute(Fixture.data("retail", executions: executions.reversed()))
        let top = report.businessUnits[0].topQueries
        #expect(top.count == 20)
        #expect(top.prefix(4).map(\.id) == ["q09", "q19", "q29", "q08"])
        #expect(!top.contains { $0.id.hasSuffix("big") })
        #expect(top.allSatisfy { $0.queryText == nil })
        #expect(zip(top, top.dropFirst()).allSatisfy { $0.estimatedCostExact >= $1.estimatedCostExact })
    }

    @Test("totals, budget use and month over month")
    func totals() {
        let previous = PreviousMonthTotals(month: Fixture.month.previous, chargebackTotals: ["retail": 40], total: 40)
        let report = Self.attribute(Fixture.data("retail", costs: [
            Fixture.athena("222222222222", "30.00"), Fixture.cost("222222222222", "AWS Glue", "x", "12.345"),
            Fixture.cost("222222222222", "Amazon Simple Storage Service", "y", "7.65"),
        ]), previous: previous)
        let unit = report.businessUnits[0]
        #expect(unit.glue == Fixture.decimal("12.35"))
        #expect(unit.consumerTotal == 50)
        #expect(unit.chargebackTotal == 50)
        #expect(unit.budgetUse == Fixture.decimal("0.5"))
        #expect(unit.change == 10)
        #expect(unit.changeFraction == Fixture.decimal("0.25"))
        #expect(report.totals.chargebackTotal == 50)
        #expect(report.totals.change == 10)
        #expect(report.totals.budget == 100)
        #expect(unit.lines.reduce(Decimal(0)) { $0 + $1.amount } == 50)
    }

    @Test("history that starts after the month began is a gap: noted, report partial")
    func historyGap() {
        let report = Self.attribute(Fixture.data("retail", historyFrom: Fixture.month.start.addingTimeInterval(86_400 * 11)))
        #expect(report.status == .partial)
        let note = report.dataQuality.first { $0.kind == .historyGap }
        #expect(note?.message.contains("2026-10-12") == true)
        let covered = Self.attribute(Fixture.data("retail", historyFrom: Fixture.month.start))
        #expect(!covered.dataQuality.contains { $0.kind == .historyGap })
    }

    @Test("estimated cost data is noted and makes the report not final")
    func estimated() {
        let report = Self.attribute(Fixture.data("retail", costs: [Fixture.athena("222222222222", "1", estimated: true)]),
                                    central: CentralData(status: .complete, costs: [Fixture.quick("Reader", "1")]))
        #expect(!report.costDataFinal)
        #expect(!report.businessUnits[0].costDataFinal)
        #expect(report.central.costDataFinal)
        #expect(report.dataQuality.first { $0.kind == .estimatedCostData }?.businessUnitId == "retail")
        #expect(report.status == .complete)
    }

    @Test("report status: complete, partial, failed")
    func status() {
        #expect(Self.attribute(Fixture.data("retail")).status == .complete)
        #expect(Self.attribute(Fixture.data("retail", status: .partial, error: "eu-west-1 timed out")).status == .partial)
        let centralDown = Self.attribute(Fixture.data("retail"), central: CentralData(status: .failed, error: "AccessDenied"))
        #expect(centralDown.status == .partial)
        #expect(centralDown.dataQuality.first?.kind == .centralUnavailable)
        let nothing = Self.attribute(Fixture.data("retail", status: .failed, error: "AccessDenied"),
                                     central: CentralData(status: .failed, error: "AccessDenied"))
        #expect(nothing.status == .failed)
        let missing = Attribution.attribute(Fixture.input(config: Fixture.config(units: [Self.retail]), units: []))
        #expect(missing.businessUnits[0].status == .failed)
        #expect(missing.dataQuality.contains { $0.kind == .notCollected })
    }
}
