import ChargebackModel
import Foundation
import Testing

/// Month and day arithmetic never traps, at the calendar's ends either, and agrees with Foundation's
/// Gregorian calendar wherever that one answers.
@Suite("Calendar arithmetic at the edges")
struct CalendarArithmeticTests {
    @Test("the month after 9999-12 and the month before 1970-01 exist, with their bounds")
    func beyondTheEnds() throws {
        let last = try #require(BillingMonth("9999-12"))
        #expect(last.next.text == "10000-01")
        // 10000-01-01T00:00:00Z: 253,402,300,800 seconds after 1970.
        #expect(last.end == Date(timeIntervalSince1970: 253_402_300_800))
        #expect(last.endDayText == "10000-01-01")
        let first = try #require(BillingMonth("1970-01"))
        #expect(first.previous.text == "1969-12")
        #expect(first.previous.start == Date(timeIntervalSince1970: -31 * 86_400))
        #expect(BillingMonth(year: 10_000, month: 1) == nil)
        #expect(BillingMonth(year: 1969, month: 12) == nil)
    }

    @Test("months before and after", arguments: [
        ("2026-12", 13, "2025-11"), ("2026-12", 38, "2023-10"), ("2026-01", 1, "2025-12"), ("2026-01", 12, "2025-01"),
        ("2026-05", 0, "2026-05"), ("2026-11", -2, "2027-01"), ("1970-01", 13, "1968-12"),
    ])
    func monthsBefore(start: String, count: Int, expected: String) throws {
        #expect(try #require(BillingMonth(start)).monthsBefore(count).text == expected)
    }

    @Test("a day and a month agree with Foundation's calendar across four centuries and before 1970")
    func agreesWithFoundation() {
        let calendar = BillingMonth.utcCalendar
        // Every 7th day plus an odd number of seconds from 1899 to 2301: leap days and centuries included.
        for day in stride(from: -25_567, through: 121_000, by: 7) {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400 + 43_210)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let expected = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            #expect(BillingMonth.dayText(date) == expected)
            let month = BillingMonth(containing: date)
            #expect(month.year == parts.year && month.month == parts.month)
            #expect(month.start == calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: 1)))
        }
    }

    @Test("an instant far outside any calendar still names a day instead of trapping")
    func extremeInstants() {
        #expect(!BillingMonth.dayText(.distantFuture).isEmpty)
        #expect(!BillingMonth.dayText(Date(timeIntervalSince1970: .infinity)).isEmpty)
        #expect(!BillingMonth.dayText(Date(timeIntervalSince1970: .nan)).isEmpty)
        #expect(BillingMonth(containing: Date(timeIntervalSince1970: -.infinity)).year < 0)
    }
}
