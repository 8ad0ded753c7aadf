import ChargebackAttribution
import ChargebackModel
import Foundation
import Testing

/// When a month may be called complete: not before it has ended, and not when a workgroup's stored
/// history stops before its end. Instants are fixed; the month is October 2026.
@Suite("Month to date and history coverage rules")
struct MonthCompletenessRulesTests {
    static let retail = Fixture.unit("retail", account: "222222222222")
    static let config = Fixture.config(units: [retail])
    /// 2026-10-25T12:00:00Z and 2026-11-10T12:00:00Z.
    static let the25th = Date(timeIntervalSince1970: 1_792_929_600)
    static let november10th = Date(timeIntervalSince1970: 1_794_312_000)

    static func coverage(_ workgroup: String, to: Date, from: Date = Fixture.month.start.addingTimeInterval(-86_400)) -> HistoryCoverage {
        HistoryCoverage(region: "us-east-1", workgroup: workgroup, from: from, to: to)
    }

    static func attribute(coverage: [HistoryCoverage], at now: Date) -> ChargebackReport {
        var data = Fixture.data("retail", costs: [Fixture.athena("222222222222", "1")])
        data.historyCoverage = coverage
        var input = Fixture.input(config: config, units: [data])
        input.generatedAt = now
        return Attribution.attribute(input)
    }

    @Test("the current month is month to date: partial, not final, its note first")
    func monthToDate() {
        let report = Self.attribute(coverage: [Self.coverage("primary", to: Self.the25th)], at: Self.the25th)
        #expect(report.status == .partial)
        #expect(!report.costDataFinal)
        #expect(report.dataQuality.first?.kind == .monthToDate)
        #expect(report.dataQuality.first?.message.contains("October 2026 is not over") == true)
        #expect(report.dataQuality.first?.message.contains("to 2026-10-25") == true)
        // A month to date is not a history gap: the history reaches the collect.
        #expect(!report.dataQuality.contains { $0.kind == .historyGap })
    }

    @Test("a closed month whose history reaches its end is complete, and the coverage is reported")
    func coveredMonth() {
        let end = Fixture.month.end.addingTimeInterval(3_600)
        let report = Self.attribute(coverage: [Self.coverage("primary", to: end)], at: Self.november10th)
        #expect(report.status == .complete, "\(report.dataQuality.map(\.message))")
        #expect(report.costDataFinal)
        let coverage = report.businessUnits[0].historyCoverage
        #expect(coverage == [HistoryCoverageReport(region: "us-east-1", workgroup: "primary",
                                                   coveredFrom: Fixture.month.start.addingTimeInterval(-86_400),
                                                   coveredTo: end, coversMonth: true)])
    }

    @Test("a closed month whose history stops on the 25th is partial and says what to run until when")
    func historyStopsEarly() throws {
        // The last collect listed both workgroups on the 25th, adhoc an hour before primary.
        let report = Self.attribute(coverage: [Self.coverage("primary", to: Self.the25th),
                                               Self.coverage("adhoc", to: Self.the25th.addingTimeInterval(-3_600))],
                                    at: Self.november10th)
        #expect(report.status == .partial)
        let note = try #require(report.dataQuality.first { $0.kind == .historyGap })
        #expect(note.businessUnitId == "retail")
        #expect(note.message.contains("last collected on 2026-10-25 (us-east-1/adhoc, us-east-1/primary)"), "\(note.message)")
        #expect(note.message.contains("to 2026-10-31"), "\(note.message)")
        // 45 days after 2026-10-25T12:00Z.
        #expect(note.message.contains("Run `chargeback collect --month 2026-10`: Athena still holds those days until 2026-12-09."),
                "\(note.message)")
        #expect(report.businessUnits[0].historyCoverage?.map(\.workgroup) == ["adhoc", "primary"])
        #expect(report.businessUnits[0].historyCoverage?.map(\.coversMonth) == [false, false])
    }

    @Test("a workgroup the latest collect no longer listed (deleted before the month ended) is no gap")
    func removedWorkgroup() {
        let september = Fixture.month.start.addingTimeInterval(-20 * 86_400)
        let report = Self.attribute(coverage: [Self.coverage("primary", to: Fixture.month.end.addingTimeInterval(3_600)),
                                               Self.coverage("retired", to: september, from: september.addingTimeInterval(-86_400 * 30))],
                                    at: Self.november10th)
        #expect(report.status == .complete, "\(report.dataQuality.map(\.message))")
        #expect(report.businessUnits[0].historyCoverage?.map(\.coversMonth) == [true, false])
    }

    @Test("once Athena has dropped the missing days, the note says they are lost")
    func historyLost() throws {
        let later = Fixture.month.end.addingTimeInterval(50 * 86_400)
        let report = Self.attribute(coverage: [Self.coverage("primary", to: Self.the25th)], at: later)
        let note = try #require(report.dataQuality.first { $0.kind == .historyGap })
        #expect(note.message.contains("can no longer be collected"), "\(note.message)")
        let between = Self.the25th.addingTimeInterval(46 * 86_400)
        let partly = try #require(Self.attribute(coverage: [Self.coverage("primary", to: Self.the25th)], at: between)
            .dataQuality.first { $0.kind == .historyGap })
        #expect(partly.message.contains("some of them are lost"), "\(partly.message)")
        #expect(partly.message.contains("before 2026-12-16"), "\(partly.message)")
    }

    @Test("without recorded coverage the report has none, as before")
    func noCoverage() {
        let report = Self.attribute(coverage: [], at: Self.november10th)
        #expect(report.businessUnits[0].historyCoverage == nil)
        #expect(report.status == .complete)
    }
}
