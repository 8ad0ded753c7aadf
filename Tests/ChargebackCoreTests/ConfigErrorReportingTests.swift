import Foundation
import Testing
@testable import ChargebackCore

@Suite("Config: error reporting")
struct ConfigErrorReportingTests {
    @Test("a located error reads file:line:column: key: message")
    func descriptionFormat() {
        let error = ConfigError(file: "chargeback.yaml", line: 14, column: 18, keyPath: "business_units[1].account_id",
                                message: "'12345' is not a 12-digit AWS account id")
        #expect(error.description == "chargeback.yaml:14:18: business_units[1].account_id: '12345' is not a 12-digit AWS account id")
        let unlocated = ConfigError(file: "c.yaml", line: nil, column: nil, keyPath: "", message: "configuration file not found")
        #expect(unlocated.description == "c.yaml: configuration file not found")
    }

    @Test("every problem in a file is reported at once, in file order")
    func collectsAllErrors() throws {
        let text = """
        version: 1
        currency: dollars
        central:
          account_id: "1111"
          region: us-east-1
        cost_metric: Blended
        business_units:
          - id: retail
            account_id: "222222222222"
            role_arn: arn:aws:iam::222222222222:role/r
            external_id: ext-retail
            region: us-east-1
            budgte: 10
        allocation:
          users: {method: fixed, shares: {retail: 99}}
        """
        let failure = try #require(throws: ConfigLoadFailure.self) { try ConfigLoader.parse(text, path: "org.yaml") }
        #expect(failure.errors.map(\.keyPath) == [
            "currency", "central.account_id", "cost_metric", "business_units[0].budgte", "allocation.users.shares",
        ])
        #expect(failure.errors.map(\.line) == [2, 4, 6, 13, 15])
        #expect(failure.description.split(separator: "\n").first == "org.yaml:2:11: currency: 'dollars' is not an ISO 4217 currency code; expected 3 upper-case letters such as USD or EUR")
    }

    @Test("a missing file says so and how to create one")
    func missingFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).yaml").path
        let failure = try #require(throws: ConfigLoadFailure.self) { try ConfigLoader.load(path: path) }
        let error = try #require(failure.errors.first)
        #expect(error.file == path)
        #expect(error.line == nil)
        #expect(error.message.contains("not found"))
        #expect(error.message.contains("chargeback init"))
    }

    @Test("an empty file is reported, not taken as all defaults")
    func emptyFile() throws {
        let failure = try #require(throws: ConfigLoadFailure.self) { try ConfigLoader.parse("# nothing yet\n", path: "e.yaml") }
        #expect(failure.errors.map(\.message).first?.contains("empty") == true)
    }

    @Test("an unquoted account id that fits is still rejected, with the quoting advice")
    func unquotedCentralAccount() throws {
        let text = """
        version: 1
        central: {account_id: 111111111111, region: us-east-1}
        business_units:
          - {id: a, account_id: "222222222222", role_arn: "arn:aws:iam::222222222222:role/r", external_id: xx, region: us-east-1}
        """
        let failure = try #require(throws: ConfigLoadFailure.self) { try ConfigLoader.parse(text, path: "c.yaml") }
        #expect(failure.errors.map(\.keyPath) == ["central.account_id"])
        #expect(failure.errors.first?.message.contains("quoted") == true)
    }

    @Test("shared accounts conflict when both units claim the same workgroup")
    func sharedAccountOverlappingWorkgroups() throws {
        let unit = { (id: String) in
            """
              - id: \(id)
                account_id: "222222222222"
                role_arn: arn:aws:iam::222222222222:role/r
                external_id: ext-\(id)
                regions: [us-east-1, eu-west-1]
                workgroups: [shared, \(id)-only]

            """
        }
        let text = "version: 1\ncentral: {account_id: \"111111111111\", region: us-east-1}\nbusiness_units:\n" + unit("a") + unit("b")
        let failure = try #require(throws: ConfigLoadFailure.self) { try ConfigLoader.parse(text, path: "c.yaml") }
        #expect(failure.errors.map(\.keyPath) == ["business_units[1].account_id"])
        #expect(failure.errors.first?.message.contains("workgroup 'shared' in eu-west-1") == true)
    }
}
