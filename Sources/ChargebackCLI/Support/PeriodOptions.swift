import ArgumentParser
import ChargebackCore
import Foundation

/// Parses `--month YYYY-MM`; the default is the previous calendar month in UTC. A month that has
/// not started yet is refused: it has no costs and no queries, and a report of it would look final.
func parseMonth(_ text: String?, now: Date) throws -> BillingMonth {
    guard let text else { return BillingMonth.previous(to: now) }
    guard let month = BillingMonth(text) else {
        throw ValidationError("--month '\(text.prefix(40))' is not a month as YYYY-MM, e.g. 2026-10")
    }
    let current = BillingMonth(containing: now)
    guard month <= current else {
        throw ValidationError("--month \(text) has not started yet (today is \(BillingMonth.dayText(now)), UTC): give a month "
            + "up to \(current), which is reported as month to date until it ends")
    }
    return month
}

/// Parses `--since YYYY-MM-DD` as midnight UTC.
func parseDay(_ text: String, option: String) throws -> Date {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil, parts.count == 3,
          let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { throw ValidationError("\(option) '\(text.prefix(40))' is not a date as YYYY-MM-DD, e.g. 2026-10-01") }
    guard BillingMonth.years.contains(year) else {
        throw ValidationError("\(option) '\(text)' is outside the years \(BillingMonth.years.lowerBound) to \(BillingMonth.years.upperBound)")
    }
    let calendar = BillingMonth.utcCalendar
    let components = DateComponents(year: year, month: month, day: day)
    guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else {
        throw ValidationError("\(option) '\(text)' is not a day of the calendar")
    }
    return date
}
