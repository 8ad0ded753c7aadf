import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls publishing needs: durable writes with fixed permissions, renames, fsync of a
/// folder. Errors name the path and say why (errno's text).
enum FileSystem {
    static let fileMode: mode_t = 0o644
    static let directoryMode: mode_t = 0o755

    static func makeDirectory(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw PublishError.createDirectory(path: url.path, reason: "a file of that name is in the way")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw PublishError.createDirectory(path: url.path, reason: reason(error))
        }
        guard chmod(url.path, directoryMode) == 0 else {
            throw PublishError.createDirectory(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Writes `data` to a new file with mode 0644 (whatever the umask) and fsyncs it.
    static func writeDurably(_ data: Data, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw PublishError.write(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress!.advanced(by: offset), buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw PublishError.write(path: url.path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        guard fchmod(descriptor, fileMode) == 0, fsync(descriptor) == 0 else {
            throw PublishError.write(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    static func syncDirectory(_ url: URL) throws {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PublishError.write(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw PublishError.write(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    static func rename(_ from: URL, to: URL) throws {
        guard Foundation.rename(from.path, to.path) == 0 else {
            throw PublishError.rename(from: from.path, to: to.path, reason: String(cString: strerror(errno)))
        }
    }

    static func contents(of url: URL) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw PublishError.list(path: url.path, reason: reason(error))
        }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".." && !name.hasPrefix(".")
    }

    static func randomSuffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<10).map { _ in alphabet.randomElement()! })
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
