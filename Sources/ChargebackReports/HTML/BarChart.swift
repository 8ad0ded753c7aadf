import Foundation

/// A plain horizontal bar chart: one bar per item, its value written beside it, each bar with
/// its own fill pattern so print in grey keeps them apart. Used for the central Quick costs by
/// category and a unit's Athena cost per workgroup. Only pixel geometry is worked out here.
struct BarChart {
    struct Bar {
        var label: String
        var y: String
        var textY: String
        var x: String
        var width: String
        var pattern: String
        var valueX: String
        var value: String
    }

    var id: String
    var title: String
    var desc: String
    var width = "760"
    var height: String
    var bars: [Bar]
    var hasBars: Bool

    /// `items` are (label, amount); negative or zero amounts get no bar, only their value.
    init(id: String, title: String, desc: String, currency: String, items: [(label: String, amount: Decimal)]) {
        let left: Decimal = 200
        let area: Decimal = 400
        let rowHeight: Decimal = 28
        let longest = items.map(\.amount).max() ?? 0
        let scale = longest > 0 ? area / longest : 0
        bars = items.enumerated().map { index, item in
            let y = 8 + Decimal(index) * rowHeight
            let length = item.amount > 0 ? item.amount * scale : 0
            return Bar(label: item.label, y: CostChart.px(y), textY: CostChart.px(y + 14), x: CostChart.px(left),
                       width: CostChart.px(length), pattern: "p\(index % 8)", valueX: CostChart.px(left + length + 6),
                       value: "\(MoneyFormat.grouped(item.amount)) \(currency)")
        }
        hasBars = !items.isEmpty
        height = CostChart.px(16 + Decimal(items.count) * rowHeight)
        self.id = id
        self.title = title
        self.desc = desc
    }
}
