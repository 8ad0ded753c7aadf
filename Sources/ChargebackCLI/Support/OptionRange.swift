import ArgumentParser
import Foundation

/// The ranges the commands' numeric options must fall in: a value outside is a usage error naming
/// the option and the value, never an overflow further on (seconds become milliseconds, a
/// concurrency sizes the transfer pool).
enum OptionRange {
    /// Business units at once: more would only queue behind AWS's per-account quotas.
    static let concurrency = 1...256
    /// Seven days: longer than any collect, short enough to count in milliseconds.
    static let timeoutSeconds = 0.001...604_800.0
    /// At least a second (libcurl counts whole seconds); at most an hour.
    static let stallTimeoutSeconds = 1.0...3_600.0

    static func check(_ value: Int, _ range: ClosedRange<Int>, option: String, unit: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) \(value) is out of range: give \(range.lowerBound) to \(range.upperBound) \(unit)")
        }
    }

    static func check(_ value: Double, _ range: ClosedRange<Double>, option: String, unit: String) throws {
        guard value.isFinite, range.contains(value) else {
            throw ValidationError("\(option) \(value) is out of range: give \(shown(range.lowerBound)) to \(shown(range.upperBound)) \(unit)")
        }
    }

    private static func shown(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
