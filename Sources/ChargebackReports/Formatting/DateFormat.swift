import ChargebackModel
import Foundation

/// Dates and times in ISO form, always UTC.
enum DateFormat {
    /// `2026-11-02 06:00 UTC`.
    static func minute(_ date: Date) -> String {
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// `YYYY-MM-DD` (a report's period bound) as a FOCUS datetime `YYYY-MM-DDT00:00:00Z`.
    static func focusDay(_ day: String) -> String { day + "T00:00:00Z" }

    private static var utc: Calendar { BillingMonth.utcCalendar }
}
