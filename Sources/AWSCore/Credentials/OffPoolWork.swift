import Foundation

/// Runs blocking work (file reads, waiting for a child process) on a Dispatch thread so it never
/// occupies one of Swift's cooperative threads.
public enum OffPoolWork {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
