/// The categories Quick's central costs are split into; also the allocation keys.
public enum QuickCostCategory: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case sessions
    case spice
    case users
    case other
}
