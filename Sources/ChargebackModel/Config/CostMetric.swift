/// The Cost Explorer metric costs are read with; the raw value is Cost Explorer's own name.
public enum CostMetric: String, Sendable, Equatable, CaseIterable {
    case unblendedCost = "UnblendedCost"
    case netUnblendedCost = "NetUnblendedCost"
    case amortizedCost = "AmortizedCost"
    case netAmortizedCost = "NetAmortizedCost"
}
