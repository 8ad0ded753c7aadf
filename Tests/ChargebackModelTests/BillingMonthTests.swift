import ChargebackModel
import Foundation
import Testing

@Suite("Billing months and money rounding")
struct BillingMonthTests {
    @Test("a month parses from YYYY-MM and knows its UTC bounds")
    func parsesAndBounds() throws {
        let month = try #require(BillingMonth("2026-10"))
        #expect(month.firstDayText == "2026-10-01")
        #expect(month.endDayText == "2026-11-01")
        #expect(month.start == Date(timeIntervalSince1970: 1_790_812_800))
        #expect(month.end == Date(timeIntervalSince1970: 1_793_491_200))
        #expect(month.title == "October 2026")
        #expect(month.previous.text == "2026-09")
        #expect(BillingMonth("2026-12")?.next.text == "2027-01")
        #expect(BillingMonth("2027-01")?.previous.text == "2026-12")
    }

    @Test("a second before and at the month boundary", arguments: [
        (1_790_812_799.0, "2026-09"), (1_790_812_800.0, "2026-10"), (1_793_491_199.0, "2026-10"), (1_793_491_200.0, "2026-11"),
    ])
    func boundary(seconds: Double, expected: String) {
        #expect(BillingMonth(containing: Date(timeIntervalSince1970: seconds)).text == expected)
    }

    @Test("malformed months are refused", arguments: ["2026-13", "2026-00", "26-10", "2026-1", "2026/10", "", "2026-10-01"])
    func refuses(text: String) {
        #expect(BillingMonth(text) == nil)
    }

    @Test("cents round half away from zero", arguments: [
        ("1.005", "1.01"), ("-1.005", "-1.01"), ("1.004999", "1"), ("-0.005", "-0.01"), ("2.675", "2.68"), ("0.0049", "0"),
    ])
    func cents(input: String, expected: String) {
        let value = Decimal(string: input)!
        #expect(MoneyRounding.cents(value) == Decimal(string: expected)!)
    }
}
