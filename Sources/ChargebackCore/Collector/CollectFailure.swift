import ChargebackModel

/// Every failure a collect records in a business unit's (or the central account's) outcome,
/// as `collect` and the report's data-quality notes print it. The raw value names the section of
/// docs/troubleshooting.md that explains it; a test holds the two together.
public enum CollectFailure: String, CaseIterable, Sendable {
    case roleChain = "role-chain"
    case workgroupNotFound = "workgroup-not-found"
    case stoppedBeforeListing = "stopped-before-listing"
    case listingWorkgroups = "listing-workgroups"
    case workgroupSettings = "workgroup-settings"
    case queryHistory = "query-history"
    case costExplorer = "cost-explorer"
    case centralIdentity = "central-identity"
    case centralWrongAccount = "central-wrong-account"
    case quickInventory = "quick-data-sets"
    case store = "store"
    case deadline = "deadline"
    case signal = "signal"

    /// The line this failure reads as; `detail` is the error (one line) or the names involved.
    func message(_ detail: String = "", region: String = "", workgroup: String = "", month: BillingMonth? = nil,
                 signal: String = "") -> String {
        switch self {
        case .roleChain: "role chain: \(detail)"
        case .workgroupNotFound: "workgroup '\(workgroup)' was not found in \(region)"
        case .stoppedBeforeListing: "stopped before its history was listed"
        case .listingWorkgroups: "\(region): listing workgroups: \(detail)"
        case .workgroupSettings: "\(region)/\(workgroup): reading its settings: \(detail)"
        case .queryHistory: "\(region)/\(workgroup): query history: \(detail)"
        case .costExplorer: "Cost Explorer \(month.map(\.text) ?? ""): \(detail)"
        case .centralIdentity: "identity: \(detail)"
        case .centralWrongAccount: "the central credentials are in account \(detail); check central.account_id and the credentials"
        case .quickInventory: "Quick data sets: \(detail)"
        case .store: "store: \(detail)"
        case .deadline: "not finished before the run's deadline (--timeout)" + (detail.isEmpty ? "" : ": \(detail)")
        case .signal: "not finished: stopped by \(signal)" + (detail.isEmpty ? "" : ": \(detail)")
        }
    }
}
