import Foundation

/// The process's resident memory as Linux reports it in `/proc/self/status`.
enum ProcessMemory {
    /// Peak resident set size (VmHWM) in KiB; nil where `/proc` is unavailable.
    static func peakResidentKiB() -> Int? { statusField("VmHWM") }

    /// Current resident set size (VmRSS) in KiB.
    static func residentKiB() -> Int? { statusField("VmRSS") }

    /// Starts a new peak from the current resident size, so each benchmark reports its own peak
    /// rather than the largest of all before it. Returns false where the kernel refuses.
    @discardableResult
    static func resetPeak() -> Bool {
        // Writing 5 to clear_refs resets VmHWM to VmRSS (Linux 4.0 and later).
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }

    private static func statusField(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            // "VmHWM:     123456 kB"
            return line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
        }
        return nil
    }
}
