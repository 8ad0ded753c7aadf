import ChargebackModel
import Foundation

/// The organisation chart: one horizontal bar per business unit, stacked by cost category, its
/// chargeback total written beside it, a text legend and a fill pattern per category so a grey
/// printout keeps the distinction. Only pixel geometry is worked out here; every figure shown is
/// a report field, formatted.
struct CostChart {
    struct Series: Sendable {
        var label: String
        var value: @Sendable (BusinessUnitReport) -> Decimal?
    }

    struct Segment {
        var x: String
        var width: String
        var pattern: String
        var tooltip: String
    }

    struct Bar {
        var label: String
        var y: String
        var textY: String
        var hasFigures: Bool
        var segments: [Segment]
        var valueX: String
        var value: String
        var note: String
        var hasNote: Bool
    }

    struct LegendItem {
        var pattern: String
        var label: String
        var x: String
        var y: String
        var textX: String
        var textY: String
    }

    var title: String
    var desc: String
    var width = "860"
    var height: String
    var bars: [Bar]
    var legend: [LegendItem]

    static let series: [Series] = [
        Series(label: "Athena", value: { $0.athenaBilled }),
        Series(label: "Glue", value: { $0.glue }),
        Series(label: "S3", value: { $0.s3 }),
        Series(label: "Other services", value: { $0.otherServices }),
        Series(label: "Quick sessions", value: { $0.quickSessions }),
        Series(label: "Quick SPICE", value: { $0.quickSpice }),
        Series(label: "Quick users", value: { $0.quickUsers }),
        Series(label: "Quick other", value: { $0.quickOther }),
    ]

    init(_ report: ChargebackReport) {
        let barArea: Decimal = 420
        let left: Decimal = 200
        let rowHeight: Decimal = 30
        let top: Decimal = 10
        // The longest bar fills the bar area: the scale is pixels per currency unit.
        let lengths = report.businessUnits.map { unit in
            unit.status == .failed ? 0 : Self.series.compactMap { $0.value(unit) }.filter { $0 > 0 }.reduce(0, +)
        }
        let longest = lengths.max() ?? 0
        let scale = longest > 0 ? barArea / longest : 0
        let currency = report.currency
        var bars: [Bar] = []
        for (index, unit) in report.businessUnits.enumerated() {
            let y = top + Decimal(index) * rowHeight
            var x = left
            var segments: [Segment] = []
            let failed = unit.status == .failed
            var credits: [String] = []
            for (seriesIndex, series) in Self.series.enumerated() where !failed {
                guard let value = series.value(unit), value != 0 else { continue }
                if value < 0 {
                    credits.append("\(series.label) \(MoneyFormat.grouped(value))")
                    continue
                }
                let width = value * scale
                segments.append(Segment(x: Self.px(x), width: Self.px(width), pattern: "p\(seriesIndex)",
                                        tooltip: "\(series.label): \(MoneyFormat.grouped(value)) \(currency)"))
                x += width
            }
            let note = failed ? "no figures: collection failed"
                : credits.isEmpty ? "" : "credit: " + credits.joined(separator: ", ")
            bars.append(Bar(label: unit.name, y: Self.px(y), textY: Self.px(y + 15), hasFigures: !failed,
                            segments: segments, valueX: Self.px(x + 6),
                            value: failed ? "" : unit.chargebackTotal.map { "\(MoneyFormat.grouped($0)) \(currency)" } ?? "",
                            note: note, hasNote: !note.isEmpty))
        }
        let legendTop = top + Decimal(report.businessUnits.count) * rowHeight + 12
        legend = Self.series.enumerated().map { index, series in
            let column = Decimal(index % 4) * 185
            let row = legendTop + Decimal(index / 4) * 24
            return LegendItem(pattern: "p\(index)", label: series.label, x: Self.px(10 + column), y: Self.px(row),
                              textX: Self.px(34 + column), textY: Self.px(row + 13))
        }
        self.bars = bars
        height = Self.px(legendTop + 2 * 24 + 6)
        title = "Chargeback per business unit, \(report.month.title), \(currency)"
        desc = "Horizontal bars, one per business unit, stacked by cost category (" +
            Self.series.map(\.label).joined(separator: ", ") +
            "); each bar's chargeback total is written beside it. The table above holds every value."
    }

    /// A pixel coordinate with one decimal.
    static func px(_ value: Decimal) -> String { MoneyFormat.plain(value, scale: 1) }
}
