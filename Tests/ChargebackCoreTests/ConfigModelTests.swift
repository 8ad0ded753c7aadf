import Foundation
import Testing
@testable import ChargebackCore

@Suite("Config: ARNs, usage type rules and value parsing")
struct ConfigModelTests {
    @Test("role ARNs are taken apart by partition, account, path and name")
    func roleARNParts() throws {
        let arn = try #require(IAMRoleARN("arn:aws-us-gov:iam::123456789012:role/team/bi/qs-reader"))
        #expect(arn.partition == "aws-us-gov")
        #expect(arn.accountId == "123456789012")
        #expect(arn.path == "/team/bi/")
        #expect(arn.roleName == "qs-reader")
        #expect(IAMRoleARN("arn:aws-cn:iam::123456789012:role/r")?.path == "/")
    }

    @Test("malformed role ARNs are rejected", arguments: [
        "arn:aws:iam:123456789012:role/r",          // account in the region field
        "arn:aws:iam::12345678901:role/r",          // 11 digits
        "arn:aws:iam::123456789012:user/r",         // not a role
        "arn:aws:sts::123456789012:role/r",         // wrong service
        "arn:azure:iam::123456789012:role/r",       // unknown partition
        "arn:aws:iam::123456789012:role/",          // no name
        "arn:aws:iam::123456789012:role/a//b",      // empty path segment
        "arn:aws:iam::123456789012:role/has space",
        "role/qs-athena-consumer-role",
    ])
    func malformedRoleARN(_ text: String) {
        #expect(IAMRoleARN(text) == nil)
    }

    @Test("QuickSight data source ARNs are parsed")
    func dataSourceARN() throws {
        let arn = try #require(QuickSightDataSourceARN("arn:aws:quicksight:us-east-1:111111111111:datasource/athena-retail"))
        #expect(arn.region == "us-east-1")
        #expect(arn.accountId == "111111111111")
        #expect(arn.dataSourceId == "athena-retail")
        #expect(QuickSightDataSourceARN("arn:aws:quicksight:us-east-1:111111111111:dataset/x") == nil)
        #expect(QuickSightDataSourceARN("arn:aws:quicksight:useast:111111111111:datasource/x") == nil)
    }

    @Test("usage types go to the first matching category: spice, sessions, users, else other", arguments: [
        ("USE1-QS-SPICE-Capacity", QuickCostCategory.spice),     // matches spice and sessions: spice wins
        ("USE1-QS-Reader-Sessions", .sessions),
        ("EU-QS-Capacity-Pricing", .sessions),
        ("USE1-QS-Author-Month", .users),
        ("USE1-QS-Reader-User", .sessions),                    // sessions is tried before users
        ("USE1-QS-Alerts", .other),
    ])
    func usageTypeCategory(_ usageType: String, _ expected: QuickCostCategory) {
        #expect(UsageTypeRules.standard.category(forUsageType: usageType) == expected)
    }

    @Test("custom rules replace the defaults")
    func customRules() throws {
        let rules = try UsageTypeRules(spice: "^X", sessions: "(?i)reader", users: "Author$")
        #expect(rules.category(forUsageType: "USE1-SPICE") == .other)
        #expect(rules.category(forUsageType: "X-anything") == .spice)
        #expect(rules.category(forUsageType: "QS-Author") == .users)
        #expect(rules != UsageTypeRules.standard)
    }

    @Test("amounts are read from their text, exactly", arguments: [
        ("1500.10", "1500.10"), ("0.1", "0.1"), ("-3", "-3"), ("+7.25", "7.25"),
        ("12345678901234567890.12", "12345678901234567890.12"),
    ])
    func decimalLiteral(_ text: String, _ expected: String) {
        #expect(DecimalLiteral.parse(text) == Decimal(string: expected, locale: Locale(identifier: "en_US_POSIX")))
    }

    @Test("anything but a plain decimal is not an amount", arguments: ["1e3", ".inf", "1,500.00", "12abc", "", "1.", "NaN"])
    func notADecimal(_ text: String) {
        #expect(DecimalLiteral.parse(text) == nil)
    }

    @Test("key suggestions find near misses only")
    func suggestions() {
        let keys = ["external_id", "account_id", "role_arn"]
        #expect(KeySuggestion.closest(to: "externalid", among: keys) == "external_id")
        #expect(KeySuggestion.closest(to: "Account_Id", among: keys) == "account_id")
        #expect(KeySuggestion.closest(to: "colour", among: keys) == nil)
        #expect(KeySuggestion.editDistance("kitten", "sitting") == 3)
    }

    @Test("key paths read like the document")
    func keyPaths() {
        let path = ConfigKeyPath.root.appending("business_units").appending(index: 1).appending("account_id")
        #expect(path.description == "business_units[1].account_id")
        #expect(ConfigKeyPath.root.description == "")
    }
}
