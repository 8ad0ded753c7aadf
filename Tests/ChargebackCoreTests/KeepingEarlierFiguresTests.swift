import ChargebackModel
import Foundation
import Testing
@testable import ChargebackCore

/// Which outcome a month's report uses for a scope when its latest collect fell short.
@Suite("A failed re-run keeps the earlier figures")
struct KeepingEarlierFiguresTests {
    static let month = BillingMonth("2026-10")!

    static func run(_ id: String, day: Int, _ outcomes: [CollectionOutcome]) -> CollectionRun {
        CollectionRun(id: id, month: month, since: Date(timeIntervalSince1970: 0),
                      startedAt: Date(timeIntervalSince1970: 1_790_000_000 + Double(day) * 86_400), outcomes: outcomes)
    }

    static func entry(_ run: CollectionRun, _ scope: String) -> (run: CollectionRun, outcome: CollectionOutcome) {
        (run, run.outcomes.first { $0.scope == scope }!)
    }

    @Test("latest failed after a complete collect: the earlier outcome, marked partial, saying both dates and the failure")
    func failedAfterComplete() {
        let good = Self.run("good", day: 1, [CollectionOutcome(scope: "risk", status: .complete)])
        let bad = Self.run("bad", day: 2, [CollectionOutcome(scope: "risk", status: .failed, error: "AccessDenied on STS")])
        let kept = AttributionInputLoader.keepingEarlierFigures(
            latest: ["risk": Self.entry(bad, "risk")], usable: ["risk": Self.entry(good, "risk")],
            complete: ["risk": Self.entry(good, "risk")])
        let chosen = kept["risk"]
        #expect(chosen?.run.id == "good")
        #expect(chosen?.outcome.status == .partial)
        let error = chosen?.outcome.error ?? ""
        #expect(error.hasPrefix("figures from the earlier collect of 2026-"))
        #expect(error.contains("failed: AccessDenied on STS"))
    }

    @Test("latest failed and never a usable collect: failed as it is")
    func failedWithoutEarlier() {
        let bad = Self.run("bad", day: 2, [CollectionOutcome(scope: "risk", status: .failed, error: "denied")])
        let kept = AttributionInputLoader.keepingEarlierFigures(latest: ["risk": Self.entry(bad, "risk")], usable: [:], complete: [:])
        #expect(kept["risk"]?.outcome.status == .failed)
        #expect(kept["risk"]?.outcome.error == "denied")
    }

    @Test("complete stays as it is; partial within the only complete run's own run is not annotated")
    func completeUntouched() {
        let good = Self.run("good", day: 1, [CollectionOutcome(scope: "retail", status: .complete),
                                             CollectionOutcome(scope: "risk", status: .partial, error: "eu-west-1 failed")])
        let kept = AttributionInputLoader.keepingEarlierFigures(
            latest: ["retail": Self.entry(good, "retail"), "risk": Self.entry(good, "risk")],
            usable: ["retail": Self.entry(good, "retail"), "risk": Self.entry(good, "risk")],
            complete: ["retail": Self.entry(good, "retail")])
        #expect(kept["retail"]?.outcome == CollectionOutcome(scope: "retail", status: .complete))
        #expect(kept["risk"]?.outcome.error == "eu-west-1 failed")
    }
}
