import Foundation
import Testing
@testable import ChargebackCore

@Suite("Config: valid files and defaults")
struct ConfigGoodFixtureTests {
    @Test("a minimal file gets every documented default")
    func minimalDefaults() throws {
        let config = try ConfigFixtures.load("good/minimal.yaml")
        #expect(config.version == 1)
        #expect(config.currency == "USD")
        #expect(config.central == CentralConfig(accountId: "111111111111", region: "us-east-1", quickServiceName: nil))
        #expect(config.central.quickServiceName == nil, "absent: auto, found each month")
        #expect(config.pricing.athenaUSDPerTB == Decimal(string: "5.00"))
        #expect(config.pricing.athenaUSDPerTBByRegion.isEmpty)
        #expect(config.costMetric == .unblendedCost)
        #expect(config.services.map(\.key) == ["athena", "glue", "s3"])
        #expect(config.services.map(\.costExplorerName) == ["Amazon Athena", "AWS Glue", "Amazon Simple Storage Service"])
        #expect(config.allocation == AllocationConfig(sessions: .none, spice: .none, users: .none, other: .none))
        #expect(config.usageTypeRules.spicePattern == "(?i)spice")
        #expect(config.usageTypeRules.sessionsPattern == "(?i)reader|session|capacity")
        #expect(config.usageTypeRules.usersPattern == "(?i)user|author")
        #expect(config.costSource == .costExplorer)
        #expect(config.sourcePath.hasSuffix("good/minimal.yaml"))

        let unit = try #require(config.businessUnits.first)
        #expect(config.businessUnits.count == 1)
        #expect(unit.id == "retail")
        #expect(unit.name == "retail")
        #expect(unit.regions == ["us-east-1"])
        #expect(unit.workgroups == nil)
        #expect(unit.costCenter == nil)
        #expect(unit.budget == nil)
        #expect(unit.roleArn.roleName == "qs-athena-consumer-role")
    }

    @Test("the full example configuration reads every field")
    func fullExample() throws {
        let config = try ConfigFixtures.load("good/full.yaml")
        #expect(config.currency == "EUR")
        #expect(config.central.runAsRoleArn?.roleName == "qs-athena-cross-account-role-a")
        #expect(config.central.costRoleArn?.text == "arn:aws:iam::111111111111:role/chargeback-central-costs")
        #expect(config.costMetric == .netAmortizedCost)
        #expect(config.pricing.athenaPricePerTB(region: "eu-central-1") == Decimal(string: "6.25"))
        #expect(config.pricing.athenaPricePerTB(region: "us-east-1") == Decimal(5))
        #expect(config.services.map(\.key) == ["athena", "glue", "s3", "lambda", "emr"])
        #expect(config.services.filter(\.isOtherService).map(\.costExplorerName) == ["AWS Lambda", "Amazon Elastic MapReduce"])

        #expect(config.businessUnits.map(\.id) == ["retail", "invest", "risk"])
        let retail = try #require(config.businessUnit(id: "retail"))
        #expect(retail.name == "Retail Banking")
        #expect(retail.workgroups == ["primary", "bi"])
        #expect(retail.costCenter == "CC-1001")
        #expect(retail.externalId == "arn:aws:quicksight:us-east-1:111111111111:datasource/athena-retail")
        let invest = try #require(config.businessUnit(id: "invest"))
        #expect(invest.roleArn.path == "/analytics/")
        #expect(config.businessUnit(id: "risk")?.costCenter == "3001")

        #expect(config.allocation.sessions == .proportional(driver: .queryCount))
        #expect(config.allocation.spice == .proportional(driver: .spiceBytes))
        #expect(config.allocation.users == .even)
        #expect(config.allocation.rule(for: .other) == .fixed(shares: [
            AllocationShare(businessUnitId: "retail", percent: 50),
            AllocationShare(businessUnitId: "invest", percent: 30),
            AllocationShare(businessUnitId: "risk", percent: 20),
        ]))
    }

    @Test("a budget keeps its exact decimal value")
    func exactBudget() throws {
        let config = try ConfigFixtures.load("good/full.yaml")
        let budget = try #require(config.businessUnit(id: "retail")?.budget)
        #expect(budget == Decimal(string: "1500.10", locale: Locale(identifier: "en_US_POSIX")))
        #expect(budget * 100 == Decimal(150010))
    }

    @Test("`regions` lists every region Athena is collected in")
    func regionsList() throws {
        let config = try ConfigFixtures.load("good/regions-list.yaml")
        #expect(config.businessUnits.first?.regions == ["us-east-1", "eu-west-1", "us-gov-west-1"])
    }

    @Test("fixed shares with decimals that sum to exactly 100 are accepted")
    func decimalShares() throws {
        let config = try ConfigFixtures.load("good/fixed-decimal-shares.yaml")
        guard case .fixed(let shares) = config.allocation.other else {
            Issue.record("expected a fixed allocation, got \(config.allocation.other)")
            return
        }
        #expect(shares.map(\.percent) == ["33.33", "33.33", "33.34"].compactMap { Decimal(string: $0) })
        #expect(shares.reduce(Decimal(0)) { $0 + $1.percent } == 100)
    }

    @Test("units may share an account when their workgroups are explicit and disjoint")
    func sharedAccountWithDisjointWorkgroups() throws {
        let config = try ConfigFixtures.load("good/shared-account-disjoint-workgroups.yaml")
        #expect(config.businessUnits.map(\.accountId) == ["222222222222", "222222222222"])
    }

    @Test("cost_source: cur reads the cur block")
    func curSource() throws {
        let config = try ConfigFixtures.load("good/cur.yaml")
        let expected = CURConfig(
            database: "cur_db", table: "cur_2", workgroup: "primary", region: "us-east-1",
            roleArn: IAMRoleARN("arn:aws:iam::555555555555:role/chargeback-cur-reader"),
            outputLocation: "s3://billing-athena-results/chargeback/")
        #expect(config.costSource == .cur(expected))
    }
}
