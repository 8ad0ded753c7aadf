import ChargebackModel
import Foundation

/// The organisation's figures: sums of the business units' figures, and the central remainder
/// (see docs/computation.md, "Totals"). chargeback total + central remainder = consumer total +
/// central Quick total, to the cent.
enum ReportTotalsCalculation {
    static func totals(units: [BusinessUnitReport], central: CentralReport,
                       previous: PreviousMonthTotals?) -> ReportTotals {
        func sum(_ value: (BusinessUnitReport) -> Decimal?) -> Decimal {
            units.reduce(Decimal(0)) { $0 + (value($1) ?? 0) }
        }
        let chargeback = sum(\.chargebackTotal)
        let allocations = central.categories.map(\.allocation)
        let budgets = units.compactMap(\.budget)
        let change = previous.map { chargeback - $0.total }
        return ReportTotals(
            chargebackTotal: chargeback, consumerTotal: sum(\.consumerTotal),
            allocatedQuick: sum { $0.quickSessions + $0.quickSpice + $0.quickUsers + $0.quickOther },
            centralRemainder: allocations.reduce(Decimal(0)) { $0 + $1.centralRemainder },
            centralQuickTotal: central.total, athenaBilled: sum(\.athenaBilled), athenaEstimated: sum(\.athenaEstimated),
            glue: sum(\.glue), s3: sum(\.s3), otherServices: sum(\.otherServices), quickSessions: sum(\.quickSessions),
            quickSpice: sum(\.quickSpice), quickUsers: sum(\.quickUsers), quickOther: sum(\.quickOther),
            budget: budgets.isEmpty ? nil : budgets.reduce(Decimal(0), +), previousChargebackTotal: previous?.total,
            change: change,
            changeFraction: previous.flatMap { MoneyRounding.fraction(chargeback - $0.total, of: $0.total) })
    }
}
