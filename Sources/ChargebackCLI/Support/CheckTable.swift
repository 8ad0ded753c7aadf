import ChargebackCore

/// Renders `check` results as a fixed-width table followed by one hint per failure,
/// readable in a terminal and in a CI log.
enum CheckTable {
    static let headers = ["BU", "account", "chain", "identity", "Athena", "Cost Explorer", "QuickSight"]

    static func render(_ reports: [AccessCheckReport]) -> String {
        let rows = reports.map { report in
            [report.businessUnitId, report.accountId, cell(report.chain), cell(report.identity), cell(report.athena),
             cell(report.costExplorer), report.quickSight.map(cell) ?? "-"]
        }
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        lines += rows.map(line)

        let failures = reports.flatMap { report in
            zip(headers.dropFirst(2), report.outcomes)
                .compactMap { column, outcome -> String? in
                    guard case let .failed(code, hint) = outcome else { return nil }
                    return "\(report.businessUnitId): \(column): \(code): \(hint)"
                }
        }
        if !failures.isEmpty { lines += [""] + failures }
        let passed = reports.filter(\.passed).count
        lines += ["", "\(passed) of \(reports.count) passed"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func cell(_ outcome: CheckOutcome) -> String {
        switch outcome {
        case let .passed(detail): return detail.isEmpty || detail == "ok" ? "ok" : "ok: \(detail)"
        case let .failed(code, _): return "FAIL \(code)"
        case .skipped: return "-"
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
