import ArgumentParser
import ChargebackReports
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks of `--out` and `--templates` made while the arguments are parsed, so a collect never
/// spends requests on reports it cannot write (exit 2 instead of a failure at the end).
enum OutputFolderCheck {
    /// `--out` is a folder that can be written, or one that can be created: its nearest existing
    /// ancestor is a writable folder.
    static func checkOut(_ path: String) throws {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            let parent = url.deletingLastPathComponent()
            guard parent.path != url.path else { break }
            url = parent
        }
        let what = url.path == URL(fileURLWithPath: path).standardizedFileURL.path ? "it" : "\(url.path)"
        guard isDirectory.boolValue else {
            throw ValidationError("--out '\(path.prefix(200))': \(what) is not a folder; give a folder to write the reports in")
        }
        guard access(url.path, W_OK | X_OK) == 0 else {
            throw ValidationError("--out '\(path.prefix(200))': \(what) is not writable (\(String(cString: strerror(errno))))")
        }
        try probeWrite(path)
    }

    /// Takes and lets go of the folder's lock, which creates the folder and its lock file as the
    /// render will: only trying tells, as root passes `access` where a file system (procfs) still
    /// refuses. A lock another run holds proves the folder writable too.
    private static func probeWrite(_ path: String) throws {
        do {
            try OutputFolderLock.tryAcquire(URL(fileURLWithPath: path, isDirectory: true))?.release()
        } catch {
            throw ValidationError("--out '\(path.prefix(200))': \(error)")
        }
    }

    /// `--templates` is a readable folder holding the templates every page needs, each of which parses.
    static func checkTemplates(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
              access(path, R_OK | X_OK) == 0
        else {
            throw ValidationError("--templates '\(path.prefix(200))' is not a readable folder of Mustache templates")
        }
        do {
            try ReportRenderer(templatesDirectory: URL(fileURLWithPath: path, isDirectory: true)).checkTemplates()
        } catch {
            throw ValidationError("--templates '\(path.prefix(200))': \(error)")
        }
    }
}
