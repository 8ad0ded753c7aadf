import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole text file the safe way for `init`: only ever a regular file (a symbolic link
/// to one is written through, the link kept), never a device, FIFO, socket or directory, and
/// atomically (a temporary file renamed into place). Failures read as sentences.
enum RegularFileWriter {
    static func write(_ text: String, to path: String, overwrite: Bool) throws {
        let target = try destination(of: path, overwrite: overwrite)
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((target as NSString).lastPathComponent).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw failure(path, errno, folder: folder) }
        if let code = writeAll(text, to: descriptor) {
            close(descriptor)
            unlink(temporary)
            throw failure(path, code, folder: folder)
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(path, code, folder: folder)
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(path, code, folder: folder)
        }
    }

    /// The path to write: `path` itself, or the regular file a symbolic link at `path` names.
    private static func destination(of path: String, overwrite: Bool) throws -> String {
        var link = stat()
        guard lstat(path, &link) == 0 else { return path }
        guard overwrite else { throw CommandFailure(.fileExists, "\(path) already exists; pass --force to overwrite it", exitCode: ChargebackExitCode.usage) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CommandFailure(.notARegularFile, "\(path) is a symbolic link to a file that does not exist; init will not replace the link, so remove it or choose another path")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw CommandFailure(.notARegularFile, "\(path) is \(kind(info.st_mode)), not a regular file; init only overwrites regular files, so choose another path")
        }
        if (link.st_mode & S_IFMT) == S_IFLNK {
            return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        }
        return path
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    private static func failure(_ path: String, _ code: Int32, folder: String) -> CommandFailure {
        let shownFolder = folder.isEmpty ? "the current folder" : "the folder \(folder)"
        let reason = switch code {
        case ENOENT: "\(shownFolder) does not exist"
        case EACCES, EPERM: "\(shownFolder) or the file is not writable by this user"
        case ENOSPC, EDQUOT: "the disk is full"
        case EROFS: "the file system is read-only"
        case ENOTDIR: "part of the path is not a folder"
        default: String(cString: strerror(code)).lowercased()
        }
        return CommandFailure(.writeFailed, "could not write \(path): \(reason)")
    }
}
