import ChargebackModel
import Foundation
import Testing
@testable import ChargebackAttribution

@Suite("Athena billing, query by query")
struct AthenaBillingTests {
    static let mib = Fixture.mebibyte

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var execution: AthenaExecution
        var billedBytes: Int64
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "DDL is never billed", execution: Fixture.execution("ddl", scanned: 500 * mib, statement: "DDL"),
             billedBytes: 0),
        Case(name: "FAILED with bytes is not billed", execution: Fixture.execution("failed", state: .failed, scanned: 300 * mib),
             billedBytes: 0),
        Case(name: "CANCELLED with bytes is billed, at least 10 MiB",
             execution: Fixture.execution("cancelled-bytes", state: .cancelled, scanned: 1), billedBytes: 10 * mib),
        Case(name: "CANCELLED with more bytes rounds up", execution: Fixture.execution(
            "cancelled-big", state: .cancelled, scanned: 20 * mib + 5), billedBytes: 21 * mib),
        Case(name: "CANCELLED without bytes is not billed",
             execution: Fixture.execution("cancelled-zero", state: .cancelled, scanned: 0), billedBytes: 0),
        Case(name: "CANCELLED with unknown bytes is not billed",
             execution: Fixture.execution("cancelled-nil", state: .cancelled, scanned: nil), billedBytes: 0),
        Case(name: "a reused result is not billed",
             execution: Fixture.execution("reused", scanned: 900 * mib, reused: true), billedBytes: 0),
        Case(name: "SUCCEEDED with 0 bytes is billed the 10 MiB minimum",
             execution: Fixture.execution("zero", scanned: 0), billedBytes: 10 * mib),
        Case(name: "exactly 10 MiB is billed 10 MiB", execution: Fixture.execution("ten", scanned: 10 * mib),
             billedBytes: 10 * mib),
        Case(name: "10 MiB + 1 byte is billed 11 MiB", execution: Fixture.execution("ten-plus", scanned: 10 * mib + 1),
             billedBytes: 11 * mib),
        Case(name: "exactly 1 MiB is billed the 10 MiB minimum", execution: Fixture.execution("one", scanned: mib),
             billedBytes: 10 * mib),
        Case(name: "10,000,000 bytes (10 MB) is billed the 10 MiB minimum",
             execution: Fixture.execution("ten-mb", scanned: 10_000_000), billedBytes: 10 * mib),
        Case(name: "QUEUED is not billed", execution: Fixture.execution("queued", state: .queued, scanned: 50 * mib),
             billedBytes: 0),
        Case(name: "RUNNING is not billed", execution: Fixture.execution("running", state: .running, scanned: 50 * mib),
             billedBytes: 0),
        Case(name: "an unknown statement type is billed", execution: Fixture.execution("nil-type", scanned: 12 * mib, statement: nil),
             billedBytes: 12 * mib),
        Case(name: "UTILITY is billed", execution: Fixture.execution("utility", scanned: 0, statement: "UTILITY"),
             billedBytes: 10 * mib),
        Case(name: "1 TiB is billed 1 TiB", execution: Fixture.execution("tib", scanned: 1 << 40), billedBytes: 1 << 40),
    ]

    @Test("billable and billed bytes", arguments: cases)
    func billedBytes(_ testCase: Case) {
        #expect(AthenaBilling.billedBytes(testCase.execution) == testCase.billedBytes)
        #expect(AthenaBilling.isBillable(testCase.execution) == (testCase.billedBytes > 0))
    }

    @Test("the estimate is billed bytes × price / 2^40, exactly", arguments: [
        (Int64(10) << 20, "5", "0.0000476837158203125"),
        (Int64(1) << 40, "5", "5"),
        (Int64(3) << 39, "5", "7.5"),
        (Int64(11) << 20, "6.25", "0.0000655651092529296875"),
        (Int64(0), "5", "0"),
    ])
    func estimate(billed: Int64, price: String, expected: String) {
        let exact = AthenaBilling.estimatedCost(billedBytes: billed, pricePerTB: Fixture.decimal(price))
        #expect(exact == Fixture.decimal(expected))
    }

    @Test("a region with an override price is estimated at that price")
    func regionOverride() {
        let unit = Fixture.unit("retail", account: "222222222222", regions: ["us-east-1", "eu-central-1"])
        let config = Fixture.config(units: [unit], pricing: PricingConfig(
            athenaUSDPerTB: 5, athenaUSDPerTBByRegion: ["eu-central-1": Fixture.decimal("6.50")]))
        let executions = [
            Fixture.execution("us", region: "us-east-1", scanned: 1 << 40),
            Fixture.execution("eu", region: "eu-central-1", scanned: 1 << 40),
        ]
        let report = Attribution.attribute(Fixture.input(config: config, units: [
            Fixture.data("retail", executions: executions, costs: [Fixture.athena("222222222222", "11.50")]),
        ]))
        let workgroups = report.businessUnits[0].workgroups
        #expect(workgroups.map(\.region) == ["eu-central-1", "us-east-1"])
        #expect(workgroups.map(\.estimatedCostExact) == [Fixture.decimal("6.5"), 5])
        #expect(workgroups.map(\.reconciledCost) == [Fixture.decimal("6.50"), Fixture.decimal("5.00")])
        #expect(report.businessUnits[0].topQueries.map(\.id) == ["eu", "us"])
        #expect(report.businessUnits[0].athenaEstimated == Fixture.decimal("11.50"))
        #expect(report.businessUnits[0].athenaVariance == 0)
    }

    @Test("a query one second before the month is left out; one second before its end is in", arguments: [
        (-1.0, false), (0.0, true), (1.0, true), (Double(31 * 86_400 - 1), true), (Double(31 * 86_400), false),
        (Double(31 * 86_400 + 1), false),
    ])
    func monthBoundary(offset: Double, counted: Bool) {
        let unit = Fixture.unit("retail", account: "222222222222")
        let execution = Fixture.execution("q", scanned: 100 * Fixture.mebibyte,
                                          at: Fixture.month.start.addingTimeInterval(offset))
        let report = Attribution.attribute(Fixture.input(config: Fixture.config(units: [unit]), units: [
            Fixture.data("retail", executions: [execution]),
        ]))
        let queries = report.businessUnits[0].workgroups.reduce(0) { $0 + $1.queries }
        #expect(queries == (counted ? 1 : 0))
        #expect(report.businessUnits[0].topQueries.count == (counted ? 1 : 0))
    }

    @Test("workgroup counts: queries, billable, failed, cancelled, running, bytes and engine time")
    func workgroupCounts() {
        let mib = Fixture.mebibyte
        let executions = [
            Fixture.execution("a", scanned: 5 * mib, engineMillis: 10),
            Fixture.execution("b", state: .failed, scanned: 7 * mib, engineMillis: 20),
            Fixture.execution("c", state: .cancelled, scanned: 0, engineMillis: 30),
            Fixture.execution("d", state: .cancelled, scanned: 15 * mib + 1, engineMillis: 40),
            Fixture.execution("e", state: .running, scanned: nil, engineMillis: nil),
            Fixture.execution("f", state: .queued, scanned: nil, engineMillis: nil),
            Fixture.execution("g", scanned: 3 * mib, statement: "DDL", engineMillis: 5),
            Fixture.execution("h", workgroup: "bi", scanned: 2 * mib),
        ]
        let unit = Fixture.unit("retail", account: "222222222222")
        let report = Attribution.attribute(Fixture.input(config: Fixture.config(units: [unit]), units: [
            Fixture.data("retail", executions: executions, workgroups: [
                AthenaWorkgroup(accountId: "222222222222", region: "us-east-1", name: "primary",
                                bytesScannedCutoffPerQuery: 1 << 40, resultEncryption: "SSE_S3"),
                AthenaWorkgroup(accountId: "222222222222", region: "us-east-1", name: "bi"),
                AthenaWorkgroup(accountId: "222222222222", region: "us-east-1", name: "idle"),
            ]),
        ]))
        let workgroups = report.businessUnits[0].workgroups
        #expect(workgroups.map(\.name) == ["bi", "idle", "primary"])
        let primary = workgroups[2]
        #expect(primary.queries == 7)
        #expect(primary.queriesBillable == 2)
        #expect(primary.queriesFailed == 1)
        #expect(primary.queriesCancelled == 2)
        #expect(primary.queriesRunning == 2)
        #expect(primary.bytesScanned == 5 * mib + 7 * mib + 15 * mib + 1 + 3 * mib)
        #expect(primary.bytesBilled == 10 * mib + 16 * mib)
        #expect(primary.engineTimeMillis == 105)
        #expect(primary.flags.isEmpty)
        #expect(workgroups[0].flags == ["no per-query scan limit", "results not encrypted"])
        #expect(workgroups[1].queries == 0)
        #expect(report.dataQuality.contains { $0.kind == .queriesStillRunning && $0.businessUnitId == "retail" })
    }
}
