import ChargebackModel
import Foundation

/// Puts a month's files in place atomically: `outDirectory/YYYY-MM` is either the previous
/// complete folder or the new complete folder, never a mix, even when the process is killed.
///
/// Steps: write every file into `outDirectory/.YYYY-MM.tmp-<random>` and fsync them and the
/// folder; rename the current `YYYY-MM` aside to `.YYYY-MM.old-<random>`; rename the new folder
/// in; fsync `outDirectory`; delete the old folder. If the process dies between the two renames
/// the month folder is briefly missing, but the old copy is still whole beside it and the next
/// publish puts it back before anything else (`recover`). Then `index.html` of `outDirectory` is
/// regenerated the same way (a temporary file renamed over it).
///
/// One writer at a time: publishing holds the folder's `OutputFolderLock`, so the temporary and
/// set-aside folders it finds were left by a dead or failed run, and it removes them (a folder
/// that cannot be removed is a warning, tried again by the next publish). A cancelled task (a
/// signal) stops before the month is renamed into place and leaves the previous month as it was.
public enum ReportPublisher {
    /// Failures a test injects at the points a crash or a full disk would hit.
    struct Faults: Sendable {
        /// Fail when writing file number `failAfterFiles` (0-based).
        var failAfterFiles: Int?
        /// Fail after the previous month folder was renamed aside, before the new one is renamed in.
        var failAfterRenamingOldAside = false
        /// Called with the number of files written so far (a test stops the process there).
        var afterEachFile: (@Sendable (Int) -> Void)?
        /// Replaces the removal of leftovers and of the previous month (a test makes it fail).
        var removeItem: (@Sendable (URL) throws -> Void)?
    }

    /// What a publish wants its user to know although it succeeded.
    public struct Result: Sendable, Equatable {
        /// Leftovers that could not be removed, one sentence each.
        public var warnings: [String] = []
    }

    /// Publishes a month's files; the months index is drawn with `renderer`'s templates. `lock`:
    /// the folder's lock when the caller already holds it; without it, the lock is taken here
    /// (and `PublishError.busy` thrown when another process holds it).
    @discardableResult
    public static func publish(_ files: [ReportFile], month: BillingMonth, outDirectory: URL,
                               renderer: ReportRenderer = ReportRenderer(), lock: OutputFolderLock? = nil) throws -> Result {
        try publish(files, month: month, outDirectory: outDirectory, renderer: renderer, lock: lock, faults: Faults())
    }

    @discardableResult
    static func publish(_ files: [ReportFile], month: BillingMonth, outDirectory: URL, renderer: ReportRenderer,
                        lock: OutputFolderLock? = nil, faults: Faults) throws -> Result {
        let out = outDirectory.standardizedFileURL
        let held = try lock ?? OutputFolderLock.tryAcquire(out)
        guard let held else { throw PublishError.busy(path: out.path, holder: nil, waitedSeconds: nil) }
        guard held.directory.path == out.path else {
            throw PublishError.write(path: out.path, reason: "the lock held is for \(held.directory.path)")
        }
        return try withExtendedLifetime(held) {
            try publishLocked(files, month: month, out: out, renderer: renderer, faults: faults)
        }
    }

    private static func publishLocked(_ files: [ReportFile], month: BillingMonth, out: URL, renderer: ReportRenderer,
                                      faults: Faults) throws -> Result {
        let fm = FileManager.default
        let remove = faults.removeItem ?? { try fm.removeItem(at: $0) }
        var result = Result()
        try recover(in: out)
        result.warnings += try cleanLeftovers(in: out, remove: remove)

        let final = out.appendingPathComponent(month.text, isDirectory: true)
        let temporary = out.appendingPathComponent(".\(month.text).tmp-\(FileSystem.randomSuffix())", isDirectory: true)
        do {
            try FileSystem.makeDirectory(temporary)
            for (index, file) in files.enumerated() {
                if let limit = faults.failAfterFiles, index >= limit {
                    throw PublishError.write(path: temporary.appendingPathComponent(file.name).path, reason: "injected failure")
                }
                guard FileSystem.isPlainName(file.name) else {
                    throw PublishError.write(path: file.name, reason: "a report file name must not contain a path")
                }
                try Task.checkCancellation()
                try FileSystem.writeDurably(file.data, to: temporary.appendingPathComponent(file.name))
                faults.afterEachFile?(index + 1)
            }
            try FileSystem.syncDirectory(temporary)
            // Last moment to stop: past it, the month is put in place whole.
            try Task.checkCancellation()
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }

        var aside: URL?
        if fm.fileExists(atPath: final.path) {
            let old = out.appendingPathComponent(".\(month.text).old-\(FileSystem.randomSuffix())", isDirectory: true)
            try FileSystem.rename(final, to: old)
            aside = old
        }
        do {
            if faults.failAfterRenamingOldAside {
                throw PublishError.rename(from: temporary.path, to: final.path, reason: "injected failure")
            }
            try FileSystem.rename(temporary, to: final)
        } catch {
            // Put the previous month back where it was.
            if let aside { try? FileSystem.rename(aside, to: final) }
            try? fm.removeItem(at: temporary)
            throw error
        }
        try FileSystem.syncDirectory(out)
        if let aside {
            do {
                try remove(aside)
            } catch {
                result.warnings.append(leftoverWarning(aside, error))
            }
        }
        do {
            try writeMonthsIndex(in: out, renderer: renderer)
        } catch {
            throw MonthsIndexNotWritten(month: month, monthFolder: final.path, index: out.appendingPathComponent("index.html").path,
                                        reason: "\(error)")
        }
        return result
    }

    /// A month folder renamed aside by a run killed before the new one was renamed in goes back.
    static func recover(in out: URL) throws {
        for name in try FileSystem.contents(of: out) {
            guard let (month, kind) = leftover(name), kind == "old" else { continue }
            let final = out.appendingPathComponent(month)
            if !FileManager.default.fileExists(atPath: final.path) {
                try FileSystem.rename(out.appendingPathComponent(name), to: final)
            }
        }
    }

    /// Temporary and set-aside folders (and months index files) of earlier runs, killed or failed,
    /// are removed; the caller holds the lock, so no live run is using them. Returns a warning for
    /// each that could not be removed.
    static func cleanLeftovers(in out: URL, remove: (URL) throws -> Void) throws -> [String] {
        var warnings: [String] = []
        for name in try FileSystem.contents(of: out) where leftover(name) != nil || isIndexLeftover(name) {
            let url = out.appendingPathComponent(name)
            do {
                try remove(url)
            } catch {
                warnings.append(leftoverWarning(url, error))
            }
        }
        return warnings
    }

    static func leftoverWarning(_ url: URL, _ error: any Error) -> String {
        "cannot remove \(url.path), left by an earlier run: \(FileSystem.reason(error)); "
            + "remove it by hand, or the next run tries again"
    }

    /// `.YYYY-MM.tmp-xxxx` → (`YYYY-MM`, `tmp`); `.YYYY-MM.old-xxxx` → (`YYYY-MM`, `old`).
    static func leftover(_ name: String) -> (String, String)? {
        guard let match = name.wholeMatch(of: /\.([0-9]{4}-[0-9]{2})\.(tmp|old)-[A-Za-z0-9]+/) else { return nil }
        return (String(match.1), String(match.2))
    }

    /// `.index.html.tmp-xxxx`: the months index of a run killed while writing it.
    static func isIndexLeftover(_ name: String) -> Bool {
        name.wholeMatch(of: /\.index\.html\.tmp-[A-Za-z0-9]+/) != nil
    }

    /// Regenerates `out/index.html` listing every `YYYY-MM` folder, newest first.
    static func writeMonthsIndex(in out: URL, renderer: ReportRenderer) throws {
        let folders = try FileSystem.contents(of: out).filter { name in
            BillingMonth(name) != nil && FileSystem.isDirectory(out.appendingPathComponent(name))
        }.sorted(by: >)
        let decoder = ReportJSON.decoder()
        let months = folders.map { folder -> (folder: String, summary: ReportSummary?) in
            let json = out.appendingPathComponent(folder).appendingPathComponent("report.json")
            let summary = (try? Data(contentsOf: json)).flatMap { try? decoder.decode(ReportSummary.self, from: $0) }
            return (folder, summary)
        }
        let file = try renderer.monthsIndex(MonthsIndexPage(months: months, generatedAt: Date()))
        let temporary = out.appendingPathComponent(".index.html.tmp-\(FileSystem.randomSuffix())")
        do {
            try FileSystem.writeDurably(file.data, to: temporary)
            try FileSystem.rename(temporary, to: out.appendingPathComponent("index.html"))
            try FileSystem.syncDirectory(out)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

/// Why publishing failed, naming the path.
public enum PublishError: Error, CustomStringConvertible, Equatable {
    case write(path: String, reason: String)
    case rename(from: String, to: String, reason: String)
    case createDirectory(path: String, reason: String)
    case list(path: String, reason: String)
    /// Another process holds the folder's lock (`holder`: its process and start, when known).
    case busy(path: String, holder: String?, waitedSeconds: Double?)

    public var description: String {
        switch self {
        case .write(let path, let reason): "cannot write \(path): \(reason)"
        case .rename(let from, let to, let reason): "cannot rename \(from) to \(to): \(reason)"
        case .createDirectory(let path, let reason): "cannot create the folder \(path): \(reason)"
        case .list(let path, let reason): "cannot list \(path): \(reason)"
        case .busy(let path, let holder, let waited):
            "another chargeback is writing \(path)" + (holder.map { " (\($0))" } ?? "")
                + (waited.map { "; still busy after waiting \(Self.seconds($0)) s" }
                    ?? "; wait for it to finish, or give --wait to wait for it")
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
