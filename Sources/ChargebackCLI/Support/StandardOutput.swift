import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every command's stdout output goes through here, so output that cannot be written (a full
/// disk, a closed descriptor) fails the command instead of vanishing: buffered `print` would
/// drop the error and exit 0.
enum StandardOutput {
    /// Set by `guardDescriptor()` when the process started with descriptor 1 closed.
    nonisolated(unsafe) private static var startedClosed = false

    /// Call first thing: when stdout is closed, keeps descriptor 1 taken (on /dev/null) so no file
    /// or socket the command opens lands on it, and remembers that output cannot be written.
    static func guardDescriptor() {
        guard fcntl(STDOUT_FILENO, F_GETFD) == -1, errno == EBADF else { return }
        startedClosed = true
        let null = open("/dev/null", O_WRONLY)
        if null >= 0, null != STDOUT_FILENO {
            dup2(null, STDOUT_FILENO)
            close(null)
        }
    }

    /// Writes all of `text` to descriptor 1 or throws a failure that says why it could not.
    static func write(_ text: String) throws {
        if startedClosed {
            throw CommandFailure(.standardOutput, "cannot write the output to standard output: standard output is closed or not writable")
        }
        guard let code = writeAll(text, to: STDOUT_FILENO) else { return }
        // A descriptor closed at start may have been reused by the runtime (EINVAL), or be gone (EBADF).
        let reason = code == EBADF || code == EINVAL ? "standard output is closed or not writable" : String(cString: strerror(code))
        throw CommandFailure(.standardOutput, "cannot write the output to standard output: \(reason)")
    }
}
