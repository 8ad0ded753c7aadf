import Dispatch

/// Runs `body` over `items` with at most `limit` running at once and returns the results in the
/// items' order. Used to fan out over business units without opening hundreds of sessions at once.
public func concurrentMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async -> Result
) async -> [Result] {
    let limit = max(1, limit)
    return await withTaskGroup(of: (Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: items.count)
        var next = 0
        for _ in 0..<min(limit, items.count) {
            let index = next
            group.addTask { (index, await body(items[index])) }
            next += 1
        }
        while let (index, result) = await group.next() {
            results[index] = result
            if next < items.count {
                let index = next
                group.addTask { (index, await body(items[index])) }
                next += 1
            }
        }
        return results.map { $0! }
    }
}

/// Runs blocking work (a synchronous store call, which can wait behind other units' write
/// transactions) on a Dispatch thread, off Swift's cooperative pool: that pool has one thread per
/// core, and a few blocked threads stall every task of the run, rate-limiter wake-ups included.
/// The work is not cancellable: once started it finishes, so a run stopped by its deadline still
/// records what it knows.
public func runBlocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
