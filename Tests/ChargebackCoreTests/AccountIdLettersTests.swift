import Foundation
import Testing
@testable import ChargebackCore

/// An AWS account id is 12 digits: a 12-character id with letters has the right length, so only
/// the digit check can refuse it. Each place the configuration carries an account id is tried.
@Suite("Config: 12-character account ids with letters are refused")
struct AccountIdLettersTests {
    static let cases: [BadConfigCase] = [
        .init(file: "central-account-id", line: 3, keyPath: "central.account_id",
              fragment: "'11111111111a' is not a 12-digit AWS account id"),
        .init(file: "bu-account-id", line: 7, keyPath: "business_units[0].account_id",
              fragment: "'2222222222AB' is not a 12-digit AWS account id"),
        .init(file: "role-arn-account", line: 8, keyPath: "business_units[0].role_arn",
              fragment: "is not an IAM role ARN"),
        .init(file: "run-as-role-arn-account", line: 5, keyPath: "central.run_as_role_arn",
              fragment: "is not an IAM role ARN"),
    ]

    @Test("each file fails with its own error", arguments: cases)
    func refused(_ testCase: BadConfigCase) throws {
        let path = try ConfigFixtures.path("account-id-letters/\(testCase.file).yaml")
        let failure = try #require(throws: ConfigLoadFailure.self) { try ConfigLoader.load(path: path) }
        let error = try #require(failure.errors.first { $0.keyPath == testCase.keyPath }, "\(failure)")
        #expect(error.line == testCase.line)
        #expect(error.message.contains(testCase.fragment), "\(error.message)")
    }

    @Test("the account id inside ARNs must be digits too", arguments: [
        "arn:aws:iam::22222222222x:role/qs-athena-consumer-role",
        "arn:aws:iam::ABCDEFGHIJKL:role/qs-athena-consumer-role",
    ])
    func roleARNWithLetters(_ text: String) {
        #expect(IAMRoleARN(text) == nil)
    }

    @Test("a data source ARN's account must be digits", arguments: [
        "arn:aws:quicksight:us-east-1:11111111111a:datasource/athena-retail",
        "arn:aws:quicksight:us-east-1:１１１１１１１１１１１１:datasource/athena-retail",
    ])
    func dataSourceARNWithLetters(_ text: String) {
        #expect(QuickSightDataSourceARN(text) == nil)
    }

    @Test func theSameShapesWithDigitsAreAccepted() {
        #expect(IAMRoleARN("arn:aws:iam::222222222222:role/qs-athena-consumer-role")?.accountId == "222222222222")
        #expect(QuickSightDataSourceARN("arn:aws:quicksight:us-east-1:111111111111:datasource/athena-retail")?.accountId
            == "111111111111")
    }
}
