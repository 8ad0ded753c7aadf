import ChargebackModel
import Foundation
import Testing
@testable import ChargebackAttribution

@Suite("The benchmark's synthetic month")
struct AttributionBenchmarkTests {
    @Test("every synthetic execution is in the month and the report ties out")
    func synthetic() {
        let input = AttributionBenchmark.syntheticInput(executions: 2_003, businessUnits: 4, workgroups: 3)
        #expect(input.units.reduce(0) { $0 + $1.executions.count } == 2_003)
        let report = Attribution.attribute(input)
        #expect(report.status == .complete)
        #expect(report.businessUnits.reduce(0) { $0 + $1.workgroups.reduce(0) { $0 + $1.queries } } == 2_003)
        #expect(report.businessUnits.allSatisfy { $0.workgroups.count == 6 && $0.topQueries.count == 20 })
        let totals = report.totals
        #expect(totals.chargebackTotal + totals.centralRemainder == totals.consumerTotal + totals.centralQuickTotal)
        for unit in report.businessUnits {
            #expect(unit.lines.reduce(Decimal(0)) { $0 + $1.amount } == unit.chargebackTotal)
        }
    }

    @Test("a failed unit's SPICE bytes stay central; a partial unit takes part and is noted")
    func failedSpice() {
        var input = AttributionBenchmark.syntheticInput(executions: 400, businessUnits: 4, workgroups: 2)
        input.units[1].status = .failed
        input.units[1].error = "AccessDenied on sts:AssumeRole"
        input.units[2].status = .partial
        input.units[2].error = "eu-west-1: throttled"
        let report = Attribution.attribute(input)
        let spice = report.central.categories.first { $0.category == .spice }!.allocation
        let central = spice.shares.first { $0.businessUnitId == AllocationShareReport.centralId }
        #expect(central?.driverValue == Decimal(input.central.dataSets.filter { $0.dataSourceArns.contains { $0.hasSuffix("/bu-1") } }
            .reduce(Int64(0)) { $0 + $1.spiceBytes / 2 }))
        #expect(central?.amount ?? 0 > 0)
        #expect(spice.shares.first { $0.businessUnitId == "bu-1" }?.amount == 0)
        #expect(spice.centralReason?.contains("bu-1 could not be read") == true)
        #expect(report.businessUnits[2].chargebackTotal != nil)
        #expect(report.status == .partial)
        #expect(report.dataQuality.map(\.kind).prefix(2) == [.failedBusinessUnit, .partialBusinessUnit])
    }
}
