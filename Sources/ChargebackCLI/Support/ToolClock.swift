import ArgumentParser
import ChargebackCore
import Foundation

/// What the tool takes as "now" for periods and history windows: the real time, or the instant in
/// `CHARGEBACK_NOW` (ISO 8601, e.g. 2026-11-06T06:00:00Z) when a sandbox's clock is not today's.
/// Requests are always signed with the real time.
enum ToolClock {
    static let variable = "CHARGEBACK_NOW"
    /// The years "now" may fall in: the month before and after it are still months of the calendar.
    static let years = (BillingMonth.years.lowerBound + 1)...(BillingMonth.years.upperBound - 1)

    static func now(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        guard let text = environment[variable], !text.isEmpty else { return Date() }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw ValidationError("\(variable) '\(text.prefix(40))' is not an ISO 8601 time such as 2026-11-06T06:00:00Z")
        }
        guard years.contains(BillingMonth(containing: date).year) else {
            throw ValidationError("\(variable) '\(text.prefix(40))' is outside the years \(years.lowerBound) to \(years.upperBound)")
        }
        return date
    }
}
