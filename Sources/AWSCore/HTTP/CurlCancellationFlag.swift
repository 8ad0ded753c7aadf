import Synchronization

/// Set by the waiting task when it is cancelled; read by libcurl's progress callback on the
/// transfer thread, which then aborts the transfer.
final class CurlCancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    func cancel() { cancelled.store(true, ordering: .relaxed) }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}
