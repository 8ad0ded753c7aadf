import Synchronization

/// Idle easy handles, most recently used first, so a follow-up request picks up the handle
/// whose connection is freshest.
final class CurlEasyHandlePool: Sendable {
    private let idle = Mutex<[CurlEasyHandle]>([])
    private let maxIdle: Int

    init(maxIdle: Int) { self.maxIdle = maxIdle }

    /// An idle handle, or a new one; nil only if libcurl cannot create a handle.
    func checkOut() -> CurlEasyHandle? {
        idle.withLock { $0.popLast() } ?? CurlEasyHandle()
    }

    func checkIn(_ handle: CurlEasyHandle) {
        // A handle beyond the limit is dropped here, and its deinit closes its connections.
        idle.withLock { handles in
            if handles.count < maxIdle { handles.append(handle) }
        }
    }
}
