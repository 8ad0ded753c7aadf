import AWSSandbox
import ChargebackCore
import Foundation
import Testing

/// The built binary, end to end, against the sandbox over real HTTP.
@Suite("chargeback CLI end to end", .serialized, .timeLimit(.minutes(2)))
struct CLIEndToEndTests {
    @Test("init writes a commented sample that validates, and refuses to overwrite it")
    func initWritesAValidSample() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("chargeback.yaml").path
        let first = try await CLI.run(["init", path])
        #expect(first.status == 0)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        // What the sample must say, written out here rather than taken from the code's constant.
        let config = try ConfigLoader.load(path: path)
        #expect(config.version == 1)
        #expect(config.currency == "USD")
        #expect(config.central.accountId == "111111111111")
        #expect(config.central.region == "us-east-1")
        #expect(config.central.runAsRoleArn?.text == "arn:aws:iam::111111111111:role/qs-athena-cross-account-role-a")
        #expect(config.businessUnits.map(\.id) == ["retail", "invest", "risk"])
        #expect(config.businessUnits.map(\.accountId) == ["222222222222", "333333333333", "444444444444"])
        #expect(config.businessUnits.map(\.roleArn.text) == [
            "arn:aws:iam::222222222222:role/qs-athena-consumer-role",
            "arn:aws:iam::333333333333:role/qs-athena-consumer-role",
            "arn:aws:iam::444444444444:role/qs-athena-consumer-role",
        ])
        #expect(config.businessUnits.map(\.externalId) == [
            "arn:aws:quicksight:us-east-1:111111111111:datasource/athena-retail",
            "arn:aws:quicksight:us-east-1:111111111111:datasource/athena-invest",
            "arn:aws:quicksight:us-east-1:111111111111:datasource/athena-risk",
        ])
        #expect(config.businessUnits.map(\.regions) == [["us-east-1"], ["us-east-1"], ["us-east-1", "eu-west-1"]])
        #expect(config.businessUnits.map(\.budget) == [Decimal(string: "1500"), Decimal(string: "2500"), Decimal(string: "1000")])
        // Account ids are quoted, so YAML keeps leading zeros; the file explains itself.
        #expect(written.contains(#"account_id: "111111111111""#))
        #expect(written.hasPrefix("# chargeback.yaml"))
        #expect(written.split(separator: "\n").filter { $0.contains("#") }.count >= 30)

        let second = try await CLI.run(["init", path])
        #expect(second.status == 2)
        #expect(second.stderr.contains("already exists"))
        #expect(try await CLI.run(["init", "--force", path]).status == 0)
        // `init -` prints exactly what `init PATH` wrote.
        #expect(try await CLI.run(["init", "-"]).stdout == written)
    }

    @Test("a bad configuration exits 2 naming file, line and key, before any AWS call")
    func badConfigurationExitsTwo() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.yaml").path
        let text = SampleConfig.text.replacingOccurrences(of: "\"333333333333\"", with: "\"33333\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("\"33333\"") }.map { $0 + 1 }
        // No endpoint is reachable: an AWS call would fail differently.
        let run = try await CLI.run(["check", "--config", path], environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(path):\(try #require(line)):"))
        #expect(run.stderr.contains("business_units[1].account_id"))
        #expect(run.stdout.isEmpty)
    }

    @Test("unknown arguments are usage errors with exit code 2")
    func usageErrorsExitTwo() async throws {
        #expect(try await CLI.run(["check", "--no-such-flag"]).status == 2)
        #expect(try await CLI.run(["no-such-command"]).status == 2)
        #expect(try await CLI.run(["check", "--concurrency", "0"]).status == 2)
        #expect(try await CLI.run(["--help"]).status == 0)
    }

    @Test("check passes on the sample organisation and its logs carry no secret")
    func checkPassesOnTheSample() async throws {
        let sandbox = try await SampleSandbox.start()
        defer { Task { await sandbox.stop() } }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("chargeback.yaml").path
        try SampleConfig.text.write(toFile: path, atomically: true, encoding: .utf8)

        let run = try await CLI.run(["check", "--config", path, "--log-level", "trace"], environment: sandbox.environment)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let rows = run.stdout.split(separator: "\n").map(String.init)
        for unit in ["retail", "invest", "risk", "(central)"] {
            let row = try #require(rows.first { $0.hasPrefix(unit + " ") })
            #expect(!row.contains("FAIL"), "\(row)")
        }
        #expect(run.stdout.contains("4 of 4 passed"))
        #expect(!run.stderr.contains(SandboxScenarios.sampleReporterSecretAccessKey))
        #expect(!run.stdout.contains(SandboxScenarios.sampleReporterSecretAccessKey))
        #expect(run.stderr.contains("trace"), "trace logging was on, so the test really looked at trace lines")
    }

    @Test("check fails with exit 1 and a hint when a BU's ExternalId is wrong")
    func checkReportsAWrongExternalId() async throws {
        let sandbox = try await SampleSandbox.start()
        defer { Task { await sandbox.stop() } }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("chargeback.yaml").path
        let text = SampleConfig.text.replacingOccurrences(of: "datasource/athena-invest", with: "datasource/athena-somebody-else")
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let run = try await CLI.run(["check", "--config", path], environment: sandbox.environment)
        #expect(run.status == 1)
        let rows = run.stdout.split(separator: "\n").map(String.init)
        #expect(try #require(rows.first { $0.hasPrefix("invest ") }).contains("FAIL AccessDenied"))
        #expect(!(try #require(rows.first { $0.hasPrefix("retail ") })).contains("FAIL"))
        #expect(run.stdout.contains("invest: chain: AccessDenied: Role B's trust policy does not accept this ExternalId"))
        #expect(run.stdout.contains("3 of 4 passed"))
    }

    @Test("check names the account a BU's role landed in when it is the wrong one")
    func checkReportsAWrongAccount() async throws {
        let sandbox = try await SampleSandbox.start(faults: "wrong_account=444444444444")
        defer { Task { await sandbox.stop() } }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("chargeback.yaml").path
        try SampleConfig.text.write(toFile: path, atomically: true, encoding: .utf8)

        let run = try await CLI.run(["check", "--config", path], environment: sandbox.environment)
        #expect(run.status == 1)
        let risk = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("risk ") })
        #expect(risk.contains("FAIL WrongAccount"))
        #expect(run.stdout.contains("risk: identity: WrongAccount"))
    }

    @Test("discover prints a configuration that validates and names every sample BU")
    func discoverPrintsValidConfiguration() async throws {
        let sandbox = try await SampleSandbox.start()
        defer { Task { await sandbox.stop() } }
        let run = try await CLI.run(["discover", "--region", "us-east-1"], environment: sandbox.environment)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let config = try ConfigLoader.parse(run.stdout, path: "discovered.yaml")
        #expect(Set(config.businessUnits.map(\.id)) == ["retail", "invest", "risk"])
        let retail = try #require(config.businessUnit(id: "retail"))
        #expect(retail.accountId == "222222222222")
        #expect(retail.externalId == "arn:aws:quicksight:us-east-1:111111111111:datasource/athena-retail")
        #expect(retail.roleArn.text == "arn:aws:iam::222222222222:role/qs-athena-consumer-role")
        #expect(config.central.runAsRoleArn?.text == "arn:aws:iam::111111111111:role/qs-athena-cross-account-role-a")

        let filtered = try await CLI.run(["discover", "--run-as-role", "arn:aws:iam::111111111111:role/other"],
                                   environment: sandbox.environment)
        #expect(filtered.status == 0)
        #expect(filtered.stdout.contains("# skipped athena-retail: runs as"))
    }

    @Test("discover takes Quick's region from the profile when neither --region nor AWS_REGION is set")
    func discoverUsesTheProfileRegion() async throws {
        let sandbox = try await SampleSandbox.start()
        defer { Task { await sandbox.stop() } }
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = sandbox.environment
        environment["AWS_REGION"] = ""
        for (region, units) in [("us-east-1", 3), ("eu-west-1", 0)] {
            let config = folder.appendingPathComponent("config-\(region)")
            try Data("[default]\nregion = \(region)\n".utf8).write(to: config)
            environment["AWS_CONFIG_FILE"] = config.path
            let run = try await CLI.run(["discover"], environment: environment)
            #expect(run.stdout.components(separatedBy: "- id: ").count - 1 == units, "\(region): \(run.stdout)\(run.stderr)")
        }
    }
}
