import Foundation
import Testing
@testable import ChargebackCore

/// One invalid configuration and the single error it must produce.
struct BadConfigCase: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var keyPath: String
    var fragment: String

    var testDescription: String { file }
}

@Suite("Config: invalid files name file, line and key")
struct ConfigBadFixtureTests {
    static let cases: [BadConfigCase] = [
        .init(file: "01-unknown-top-level-key", line: 5, keyPath: "curency", fragment: "did you mean 'currency'?"),
        .init(file: "02-unknown-bu-key", line: 11, keyPath: "business_units[0].exernal_id", fragment: "did you mean 'external_id'?"),
        .init(file: "03-central-not-mapping", line: 2, keyPath: "central", fragment: "expected a mapping"),
        .init(file: "04-account-id-unquoted", line: 7, keyPath: "business_units[0].account_id", fragment: "must be quoted strings"),
        .init(file: "05-account-id-short", line: 7, keyPath: "business_units[0].account_id", fragment: "'12345' is not a 12-digit AWS account id"),
        .init(file: "06-version-missing", line: 1, keyPath: "version", fragment: "missing required key 'version'"),
        .init(file: "07-version-2", line: 1, keyPath: "version", fragment: "unsupported version '2'"),
        .init(file: "08-currency-lowercase", line: 5, keyPath: "currency", fragment: "'usd' is not an ISO 4217 currency code"),
        .init(file: "09-role-arn-malformed", line: 8, keyPath: "business_units[0].role_arn", fragment: "is not an IAM role ARN"),
        .init(file: "10-role-arn-other-account", line: 8, keyPath: "business_units[0].role_arn", fragment: "the role is in account 333333333333"),
        .init(file: "11-run-as-role-other-account", line: 5, keyPath: "central.run_as_role_arn", fragment: "central.account_id is 111111111111"),
        .init(file: "12-external-id-too-short", line: 9, keyPath: "business_units[0].external_id", fragment: "2 to 1224 characters"),
        .init(file: "13-external-id-bad-characters", line: 9, keyPath: "business_units[0].external_id", fragment: "may only contain"),
        .init(file: "14-bu-id-invalid", line: 6, keyPath: "business_units[0].id", fragment: "'Retail_Banking' is not a valid business unit id"),
        .init(file: "44-bu-id-reserved-file-name", line: 6, keyPath: "business_units[0].id", fragment: "'summary' cannot be a business unit id"),
        .init(file: "15-duplicate-bu-id", line: 11, keyPath: "business_units[1].id", fragment: "duplicate business unit id 'retail' (first used on line 6)"),
        .init(file: "16-shared-account-without-workgroups", line: 12, keyPath: "business_units[1].account_id", fragment: "list their workgroups explicitly"),
        .init(file: "17-region-invalid", line: 10, keyPath: "business_units[0].region", fragment: "'useast1' is not an AWS region name"),
        .init(file: "18-region-and-regions", line: 11, keyPath: "business_units[0].regions", fragment: "either 'region' or 'regions', not both"),
        .init(file: "19-budget-negative", line: 11, keyPath: "business_units[0].budget", fragment: "cannot be negative"),
        .init(file: "20-budget-not-a-number", line: 11, keyPath: "business_units[0].budget", fragment: "'lots' is not a budget amount"),
        .init(file: "21-price-zero", line: 6, keyPath: "pricing.athena_usd_per_tb", fragment: "greater than 0"),
        .init(file: "22-cost-metric-unknown", line: 5, keyPath: "cost_metric", fragment: "did you mean 'UnblendedCost'?"),
        .init(file: "23-allocation-method-unknown", line: 12, keyPath: "allocation.users.method", fragment: "unknown allocation method 'evenly'"),
        .init(file: "24-proportional-without-driver", line: 12, keyPath: "allocation.sessions.driver", fragment: "needs a driver"),
        .init(file: "25-proportional-unknown-driver", line: 12, keyPath: "allocation.sessions.driver", fragment: "unknown allocation driver 'queries'"),
        .init(file: "26-fixed-without-shares", line: 13, keyPath: "allocation.other.shares", fragment: "missing required key 'shares'"),
        .init(file: "27-fixed-unknown-bu", line: 17, keyPath: "allocation.other.shares.invset", fragment: "did you mean 'invest'?"),
        .init(file: "28-fixed-negative-share", line: 17, keyPath: "allocation.other.shares.invest", fragment: "cannot be negative"),
        .init(file: "29-fixed-shares-not-100", line: 17, keyPath: "allocation.other.shares", fragment: "sum to 90, not 100"),
        .init(file: "30-even-with-driver", line: 12, keyPath: "allocation.users.driver", fragment: "method 'even' takes no 'driver'"),
        .init(file: "31-usage-rule-bad-regex", line: 12, keyPath: "usage_type_rules.spice", fragment: "not a valid regular expression"),
        .init(file: "32-allocation-unknown-category", line: 12, keyPath: "allocation.sesions", fragment: "did you mean 'sessions'?"),
        .init(file: "33-empty-business-units", line: 5, keyPath: "business_units", fragment: "no business units"),
        .init(file: "34-service-not-a-string", line: 6, keyPath: "services.athena", fragment: "found a list"),
        .init(file: "35-duplicate-yaml-key", line: 11, keyPath: "", fragment: "duplicate key 'budget'"),
        .init(file: "36-not-yaml", line: 3, keyPath: "", fragment: "not valid YAML"),
        .init(file: "37-cur-without-block", line: 5, keyPath: "cur", fragment: "needs a 'cur' block"),
        .init(file: "38-list-where-scalar", line: 11, keyPath: "business_units[0].name", fragment: "expected a single value, found a list"),
        .init(file: "39-missing-external-id", line: 6, keyPath: "business_units[0].external_id", fragment: "missing required key 'external_id'"),
        .init(file: "40-usage-rule-unknown-category", line: 12, keyPath: "usage_type_rules.other", fragment: "expected one of 'spice', 'sessions', 'users'"),
        .init(file: "41-plain-text", line: 1, keyPath: "", fragment: "at the top level"),
        .init(file: "42-business-units-not-a-list", line: 6, keyPath: "business_units", fragment: "expected a list"),
        .init(file: "43-workgroups-empty", line: 11, keyPath: "business_units[0].workgroups", fragment: "remove 'workgroups'"),
        .init(file: "45-quick-service-name-blank", line: 5, keyPath: "central.quick_service_name", fragment: "or auto to find it each month"),
    ]

    @Test("each bad file fails with exactly its own error", arguments: cases)
    func reportsTheError(_ testCase: BadConfigCase) throws {
        let path = try ConfigFixtures.path("bad/\(testCase.file).yaml")
        let failure = try #require(throws: ConfigLoadFailure.self) { try ConfigLoader.load(path: path) }
        #expect(failure.errors.count == 1, "\(failure)")
        let error = try #require(failure.errors.first)
        #expect(error.file == path)
        #expect(error.line == testCase.line)
        #expect(error.column != nil)
        #expect(error.keyPath == testCase.keyPath)
        #expect(error.message.contains(testCase.fragment), "\(error.message)")
    }

    @Test("every fixture in bad/ has an expectation")
    func corpusIsCovered() throws {
        let directory = try ConfigFixtures.path("bad")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(".yaml".count)) }
        #expect(Set(files) == Set(Self.cases.map(\.file)))
        #expect(files.count >= 25)
    }
}
