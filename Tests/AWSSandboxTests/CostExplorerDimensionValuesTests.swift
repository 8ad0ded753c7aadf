import Foundation
import Testing
@testable import AWSSandbox

/// GetDimensionValues from the caller account's cost lines: the period's distinct values of a
/// dimension, filtered by SearchString (ignoring case), never another account's.
@Suite struct CostExplorerDimensionValuesTests {
    static let central = "111111111111"
    static let now = EngineProbe.date("2026-11-20T10:00:00Z")

    static let engine = CostExplorerEngine(scenario: Scenario(costCloseDay: 5, accounts: [
        ScenarioAccount(id: central, name: "central", costLines: [
            ScenarioCostLine(date: "2026-09-30", service: "Amazon Quick", usageType: "QS-Author-Month", amount: "24"),
            ScenarioCostLine(date: "2026-10-01", service: "Amazon QuickSight", usageType: "QS-Reader-Session", amount: "3"),
            ScenarioCostLine(date: "2026-10-31", service: "Amazon QuickSight", usageType: "QS-SPICE", amount: "1"),
            ScenarioCostLine(date: "2026-10-12", service: "AWS Key Management Service", usageType: "KMS-Requests", amount: "1"),
            ScenarioCostLine(date: "2026-11-01", service: "Amazon Quick Suite", usageType: "QS-Author-Month", amount: "24"),
        ]),
        ScenarioAccount(id: "222222222222", name: "retail", costLines: [
            ScenarioCostLine(date: "2026-10-05", service: "Amazon QuickSight Q", usageType: "Q-Questions", amount: "5"),
        ]),
    ]))

    func values(_ body: [String: Any], account: String = Self.central) throws -> [String] {
        let call = EngineProbe.json11("CostExplorer", "GetDimensionValues", account: account, body: body, now: Self.now)
        let object = try EngineProbe.object(Self.engine, call)
        let entries = try #require(object["DimensionValues"] as? [[String: Any]])
        #expect(object["ReturnSize"] as? Int == entries.count && object["TotalSize"] as? Int == entries.count)
        return entries.compactMap { $0["Value"] as? String }
    }

    static var october: [String: Any] { ["Start": "2026-10-01", "End": "2026-11-01"] }

    @Test func theMonthsDistinctServicesContainingTheSearchStringIgnoringCase() throws {
        #expect(try values(["TimePeriod": Self.october, "Dimension": "SERVICE", "SearchString": "quick"]) == ["Amazon QuickSight"])
        #expect(try values(["TimePeriod": Self.october, "Dimension": "SERVICE"])
            == ["AWS Key Management Service", "Amazon QuickSight"])
        #expect(try values(["TimePeriod": ["Start": "2026-09-01", "End": "2026-11-20"], "Dimension": "SERVICE", "SearchString": "Quick"])
            == ["Amazon Quick", "Amazon Quick Suite", "Amazon QuickSight"])
    }

    @Test func anAccountSeesOnlyItsOwnValues() throws {
        #expect(try values(["TimePeriod": Self.october, "Dimension": "SERVICE", "SearchString": "Quick"], account: "222222222222")
            == ["Amazon QuickSight Q"])
    }

    @Test func refusesWhatAWSRefuses() {
        for body: [String: Any] in [
            ["Dimension": "SERVICE"],
            ["TimePeriod": Self.october],
            ["TimePeriod": Self.october, "Dimension": "INSTANCE_TYPE_FAMILY"],
            ["TimePeriod": ["Start": "2026-12-01", "End": "2027-01-01"], "Dimension": "SERVICE"],
        ] {
            let call = EngineProbe.json11("CostExplorer", "GetDimensionValues", account: Self.central, body: body, now: Self.now)
            #expect(EngineProbe.error(Self.engine, call)?.code == "ValidationException", "\(body)")
        }
    }
}
