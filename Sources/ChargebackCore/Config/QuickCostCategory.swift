/// The categories Quick's central costs are split into (SPEC §5.4); also the allocation keys.
public enum QuickCostCategory: String, Sendable, Equatable, Hashable, CaseIterable {
    case sessions
    case spice
    case users
    case other
}
