/// An output format of `chargeback render --format`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// `index.html` and one `<bu-id>.html` per business unit.
    case html
    /// `summary.csv`, `central.csv`, `allocations.csv`, `workgroups.csv` and one `<bu-id>.csv` per unit.
    case csv
    /// `report.json`: the report model itself.
    case json
    /// `focus.csv`: the business units' lines in FinOps FOCUS 1.x columns.
    case focus
    /// `summary.md`, for a CI job summary.
    case md
}
