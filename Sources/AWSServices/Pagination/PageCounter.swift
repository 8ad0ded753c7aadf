import Synchronization

/// Counts the pages a paginator fetched, for operations billed per request (Cost Explorer
/// charges for every page). Shared between the paginator and whoever reports the count.
public final class PageCounter: Sendable {
    private let pages = Mutex(0)

    public init() {}

    /// Pages fetched so far.
    public var count: Int { pages.withLock { $0 } }

    func increment() { pages.withLock { $0 += 1 } }
}
