import AWSSandbox
import Foundation
import Testing

@Suite struct LoaderTests {
    static let valid = """
    clock: 2026-10-01T00:00:00Z
    cost_close_day: 4
    accounts:
      - id: "111111111111"
        name: central
        users:
          - {name: reporter, access_key_id: AKIAEXAMPLE0000001, secret_access_key: secret}
        roles:
          - name: role-a
            trusted_principals: ["arn:aws:iam::111111111111:root"]
            may_assume: ["arn:aws:iam::*:role/role-b"]
      - id: "222222222222"
        name: retail
        workgroups:
          - {name: primary, region: us-east-1, bytes_scanned_cutoff_per_query: 1000000}
        query_executions:
          - {id: q1, workgroup: primary, submitted: "2026-09-15T10:00:00Z", data_scanned_bytes: 42}
    """

    @Test func decodesSnakeCaseYAMLWithISOTimestamps() throws {
        let scenario = try ScenarioLoader.decode(yaml: Self.valid, file: "org.yaml")
        #expect(scenario.clock == (try Date("2026-10-01T00:00:00Z", strategy: .iso8601)))
        #expect(scenario.costCloseDay == 4)
        #expect(scenario.accounts.map(\.id) == ["111111111111", "222222222222"])
        #expect(scenario.accounts[0].roles[0].mayAssume == ["arn:aws:iam::*:role/role-b"])
        #expect(scenario.accounts[1].workgroups[0].bytesScannedCutoffPerQuery == 1_000_000)
        let execution = try #require(scenario.accounts[1].queryExecutions.first)
        #expect(execution.submitted == (try Date("2026-09-15T10:00:00Z", strategy: .iso8601)))
        #expect(execution.dataScannedBytes == 42)
    }

    @Test func absentKeysTakeTheirDefaultsAndBareAmountsKeepEveryDigit() throws {
        let yaml = """
        accounts:
          - id: "222222222222"
            workgroups:
              - {name: bi}
            query_executions:
              - {id: q1, submitted: "2026-09-15T10:00:00Z"}
            cost_lines:
              - {date: "2026-10-01", service: AWS Glue, usage_type: USE1-Catalog-Request, amount: 0.123456789012345678}
        """
        let scenario = try ScenarioLoader.decode(yaml: yaml, file: "defaults.yaml")
        #expect(scenario.clock == nil)
        #expect(scenario.costCloseDay == 5)
        let account = try #require(scenario.accounts.first)
        #expect(account.name == "222222222222")
        let workgroup = try #require(account.workgroups.first)
        #expect(workgroup.region == "us-east-1")
        #expect(workgroup.enforceWorkGroupConfiguration)
        #expect(workgroup.resultEncryption == nil)
        let execution = try #require(account.queryExecutions.first)
        #expect(execution.workgroup == "primary")
        #expect(execution.state == "SUCCEEDED")
        #expect(execution.engineTimeMillis == 1000)
        let line = try #require(account.costLines.first)
        // A Double would have rounded this amount.
        #expect(line.amount == "0.123456789012345678")
        #expect(line.recordType == "Usage")
    }

    @Test(arguments: [
        ("accounts:\n  - id: \"12345\"\n", "12-digit"),
        ("accounts:\n  - id: \"11111111111a\"\n", "12-digit"),
        ("accounts:\n  - id: \"111111111111\"\n  - id: \"111111111111\"\n", "more than once"),
        ("accounts:\n  - id: \"111111111111\"\n    roles:\n      - {name: r}\n      - {name: r}\n", "role 'r' more than once"),
        ("accounts:\n  - name: nameless\n", "missing the required key 'id'"),
        ("accounts:\n  - id: \"111111111111\"\n    workgroups:\n      - {name: w, bytes_scanned_cutoff_per_query: lots}\n", "accounts[0].workgroups[0].bytes_scanned_cutoff_per_query"),
        ("accounts: [\n  - id: 1\n", "not valid YAML"),
    ])
    func reportsTheFileAndTheProblem(yaml: String, expected: String) {
        do {
            _ = try ScenarioLoader.decode(yaml: yaml, file: "broken.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("broken.yaml"))
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func loadNamesAMissingFile() {
        #expect(throws: ScenarioLoadError.self) {
            try ScenarioLoader.load(contentsOf: URL(fileURLWithPath: "/nonexistent/scenario.yaml"))
        }
    }
}
