import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer per reports folder: an advisory lock (`flock`) on `DIR/.chargeback.lock`, held from
/// the start of a render or report until the process ends or the lock is released.
///
/// The kernel drops the lock when its holder dies (even by kill -9), so a lock is never stale, and
/// whoever holds it knows that every temporary folder in `DIR` was left by a dead run: only then
/// does the publisher clean them up. The file stays in place between runs (removing it would let
/// a waiting run lock a file that a newer run no longer sees); it holds the holder's process id
/// and start time, for the message a second run prints.
public final class OutputFolderLock: @unchecked Sendable {
    public static let fileName = ".chargeback.lock"
    static let fileMode: mode_t = 0o644

    /// The reports folder this lock guards (standardised).
    public let directory: URL
    private var descriptor: Int32

    private init(directory: URL, descriptor: Int32) {
        self.directory = directory
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the lock of `directory` (created when missing). Busy: when `waitSeconds` is nil,
    /// throws `PublishError.busy` at once; otherwise tries again every 200 ms for that long.
    /// A cancelled task stops waiting with `CancellationError`.
    public static func acquire(_ directory: URL, waitSeconds: Double? = nil) async throws -> OutputFolderLock {
        let out = directory.standardizedFileURL
        let started = ContinuousClock.now
        while true {
            if let lock = try tryAcquire(out) { return lock }
            let waited = ContinuousClock.now - started
            guard let waitSeconds, waited < .milliseconds(Int64(waitSeconds * 1000)) else {
                throw PublishError.busy(path: out.path, holder: holderDescription(out), waitedSeconds: waitSeconds)
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// The lock, or nil when another process holds it.
    public static func tryAcquire(_ directory: URL) throws -> OutputFolderLock? {
        let out = directory.standardizedFileURL
        try FileSystem.makeDirectory(out)
        let path = out.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, fileMode)
        guard descriptor >= 0 else { throw PublishError.write(path: path, reason: String(cString: strerror(errno))) }
        // Whatever the umask or an older file said: the lock is never writable by others.
        _ = fchmod(descriptor, fileMode)
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            close(descriptor)
            if failure == EWOULDBLOCK { return nil }
            throw PublishError.write(path: path, reason: "cannot lock: " + String(cString: strerror(failure)))
        }
        let lock = OutputFolderLock(directory: out, descriptor: descriptor)
        lock.writeHolder()
        return lock
    }

    /// Gives the lock back (also done when the lock is released from memory or the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// "process 1234, since 2026-12-07T22:01:00Z", for the second writer's message.
    private func writeHolder() {
        let text = "process \(getpid()), since \(ISO8601DateFormatter().string(from: Date()))\n"
        guard ftruncate(descriptor, 0) == 0 else { return }
        _ = Array(text.utf8).withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    private static func holderDescription(_ out: URL) -> String? {
        let url = out.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url, options: .uncached), data.count < 200,
              let text = String(data: data, encoding: .utf8) else { return nil }
        // Anyone who can write the folder can write this file: show printable ASCII only.
        let line = String(text.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
            .map(Character.init)).trimmingCharacters(in: .whitespaces)
        return line.isEmpty ? nil : line
    }
}
