/// The steps of a business unit's role chain, so an error says which role refused.
public enum RoleChainStep: String, Sendable {
    case roleA = "Role A"
    case roleB = "Role B"
    /// GetCallerIdentity: the chain must land in the unit's own account.
    case identity
}
