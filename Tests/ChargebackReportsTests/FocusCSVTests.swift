import ChargebackModel
import Foundation
import Testing
@testable import ChargebackReports

/// What focus.csv says about accounts, units and costs; `make validate-reports` checks the files
/// against FOCUS 1.2 with the FinOps Foundation's validator.
@Suite("focus.csv: accounts stay accounts, a share has no price of its own")
struct FocusCSVTests {
    static func rows() throws -> [[String: String]] {
        try CSVParser.records(try #require(try Rendered.files()["focus.csv"])).rows
    }

    @Test("a unit's own costs are billed to its account, its share of Quick to the central account; the unit is in x_ columns and Tags")
    func accounts() throws {
        let report = ReportFixture.report()
        let accounts = Dictionary(uniqueKeysWithValues: report.businessUnits.map { ($0.id, $0.accountId) })
        let rows = try Self.rows()
        for row in rows {
            let unit = try #require(row["x_BusinessUnitId"])
            let isQuick = try #require(row["x_ChargebackCategory"]).hasPrefix("quick_")
            let billed = isQuick ? report.central.accountId : try #require(accounts[unit])
            #expect(row["BillingAccountId"] == billed && row["SubAccountId"] == billed, "\(row)")
            #expect(row["Tags"]?.contains("\"chargeback:business_unit\":\"\(unit)\"") == true)
        }
        #expect(rows.contains { $0["BillingAccountId"] == report.central.accountId })
        #expect(rows.contains { $0["BillingAccountId"] == accounts["retail"] })
    }

    @Test("list, contracted, effective and billed cost are the line's amount; each line is priced as one Chargeback Line")
    func costs() throws {
        let rows = try Self.rows()
        #expect(!rows.isEmpty)
        for row in rows {
            let billed = try #require(row["BilledCost"])
            #expect([row["ListCost"], row["ContractedCost"], row["EffectiveCost"]] == [billed, billed, billed], "\(row)")
            #expect(row["PricingQuantity"] == "1" && row["PricingUnit"] == FocusCSV.pricingUnit)
        }
    }

    @Test("a service FOCUS has no category for is Other / Other (Other); Athena is Analytics")
    func taxonomy() {
        #expect(FocusServiceTaxonomy.classify("Amazon Bedrock") == FocusServiceTaxonomy.other)
        #expect(FocusServiceTaxonomy.classify("Amazon Athena") == .init(category: "Analytics", subcategory: "Analytics Platforms"))
    }
}
