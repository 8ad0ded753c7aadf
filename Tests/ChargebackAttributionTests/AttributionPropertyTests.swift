import ChargebackModel
import Foundation
import PropertyBased
import Testing
@testable import ChargebackAttribution

@Suite("Attribution properties over random inputs")
struct AttributionPropertyTests {
    static let seeds = Gen.uint64(in: 0...UInt64.max)

    @Test("allocated + central = category total, to the cent; shares add up to it")
    func allocationAddsUp() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let report = Attribution.attribute(RandomInput.make(seed: seed))
            for category in report.central.categories {
                let allocation = category.allocation
                #expect(allocation.allocated + allocation.centralRemainder == category.amount)
                #expect(allocation.shares.reduce(Decimal(0)) { $0 + $1.amount } == category.amount)
                #expect(category.usageTypes.reduce(Decimal(0)) { $0 + $1.amount } == category.amount)
                #expect(MoneyRounding.cents(category.amount) == category.amount)
            }
            let totals = report.totals
            #expect(totals.chargebackTotal + totals.centralRemainder == totals.consumerTotal + totals.centralQuickTotal)
            #expect(totals.allocatedQuick + totals.centralRemainder == totals.centralQuickTotal)
        }
    }

    @Test("reconciled workgroup lines add up to the Athena bill")
    func reconciliationAddsUp() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let report = Attribution.attribute(RandomInput.make(seed: seed))
            for unit in report.businessUnits where unit.status != .failed {
                let billed = unit.athenaBilled ?? 0
                #expect(unit.workgroups.reduce(Decimal(0)) { $0 + $1.reconciledCost } == billed)
                #expect(unit.workgroups.allSatisfy { billed >= 0 ? $0.reconciledCost >= 0 : $0.reconciledCost <= 0 })
            }
        }
    }

    @Test("no business unit gets a negative share of a positive cost, or a positive share of a credit")
    func noOppositeShares() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let report = Attribution.attribute(RandomInput.make(seed: seed))
            for category in report.central.categories {
                for share in category.allocation.shares {
                    if category.amount > 0 { #expect(share.amount >= 0) }
                    if category.amount < 0 { #expect(share.amount <= 0) }
                    if category.amount == 0 { #expect(share.amount == 0) }
                }
            }
        }
    }

    @Test("a unit's lines add up to its chargeback total")
    func linesAddUp() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            let report = Attribution.attribute(RandomInput.make(seed: seed))
            for unit in report.businessUnits {
                guard let total = unit.chargebackTotal else {
                    #expect(unit.lines.isEmpty)
                    continue
                }
                #expect(unit.lines.reduce(Decimal(0)) { $0 + $1.amount } == total)
                #expect(unit.consumerTotal! + unit.quickSessions + unit.quickSpice + unit.quickUsers + unit.quickOther == total)
            }
        }
    }

    @Test("the result does not depend on the order of units, workgroups, executions, cost lines or data sets")
    func orderIndependence() async {
        await propertyCheck(count: 200, input: Self.seeds, Self.seeds) { seed, shuffleSeed in
            let input = RandomInput.make(seed: seed)
            let original = Self.normalised(Attribution.attribute(input))
            let shuffled = Self.normalised(Attribution.attribute(RandomInput.shuffled(input, seed: shuffleSeed)))
            #expect(original == shuffled)
        }
    }

    /// The report with configuration-ordered lists put in id order, so only figures are compared.
    static func normalised(_ report: ChargebackReport) -> ChargebackReport {
        var report = report
        report.businessUnits.sort { $0.id < $1.id }
        report.central.categories = report.central.categories.map { category in
            var category = category
            category.allocation.shares.sort { $0.businessUnitId < $1.businessUnitId }
            return category
        }
        report.dataQuality.sort { ($0.kind.rawValue, $0.businessUnitId ?? "", $0.message) < ($1.kind.rawValue, $1.businessUnitId ?? "", $1.message) }
        return report
    }
}
