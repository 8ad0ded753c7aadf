import AWSSandbox
import ChargebackCore
import Foundation
import Testing

/// Inputs that once crashed the tool or were accepted although they could only waste requests:
/// every one is refused with exit 2 and a message naming the option and the bad value. The
/// tool's clock is pinned with CHARGEBACK_NOW, so no expectation depends on today's date.
@Suite("CLI argument bounds", .serialized, .timeLimit(.minutes(1)))
struct CLIArgumentBoundsTests {
    static let now = "2026-12-07T12:00:00Z"
    static let clock = ["CHARGEBACK_NOW": now]
    /// Nothing listens on port 9: a command that got as far as an AWS call fails with exit 1.
    static let unreachable = ["CHARGEBACK_NOW": now, "AWS_ENDPOINT_URL": "http://127.0.0.1:9"]

    func folderWithConfig() async throws -> URL {
        let folder = try temporaryDirectory()
        _ = try await CLI.run(["init", "chargeback.yaml"], in: folder)
        return folder
    }

    @Test("a month at the end of the calendar is a usage error for collect, report and render, not a crash")
    func lastMonthOfTheCalendar() async throws {
        let folder = try await folderWithConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["collect", "report", "render"] {
            let run = try await CLI.run([command, "--config", "chargeback.yaml", "--store", "s.sqlite", "--month", "9999-12"],
                                        environment: Self.unreachable, in: folder)
            #expect(run.status == 2, "\(command): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("--month"), "\(command): \(run.stderr)")
            #expect(run.stderr.contains("9999-12"), "\(command): \(run.stderr)")
        }
    }

    @Test("numbers out of range are usage errors naming the option and the value", arguments: [
        (["check", "--concurrency", "9223372036854775807"], "--concurrency", "9223372036854775807"),
        (["collect", "--concurrency", "100000"], "--concurrency", "100000"),
        (["check", "--timeout", "1e300"], "--timeout", "1e+300"),
        (["check", "--stall-timeout", "1e300"], "--stall-timeout", "1e+300"),
        (["check", "--timeout", "nan"], "--timeout", "nan"),
        (["collect", "--max-cost-explorer-requests=-1"], "--max-cost-explorer-requests", "-1"),
        (["collect", "--since", "0000-01-01"], "--since", "0000-01-01"),
        (["collect", "--cost-explorer-history-months", "39"], "--cost-explorer-history-months", "39"),
    ])
    func numbersOutOfRange(arguments: [String], option: String, value: String) async throws {
        let folder = try await folderWithConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await CLI.run(arguments + ["--config", "chargeback.yaml"], environment: Self.unreachable, in: folder)
        #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
        #expect(run.stderr.contains(option), "\(run.stderr)")
        #expect(run.stderr.contains(value), "\(run.stderr)")
    }

    @Test("CHARGEBACK_NOW outside the calendar the tool knows is a usage error")
    func clockOutOfRange() async throws {
        let folder = try await folderWithConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        for instant in ["9999-12-31T23:00:00Z", "0001-01-01T00:00:00Z"] {
            let run = try await CLI.run(["collect", "--config", "chargeback.yaml", "--store", "s.sqlite"],
                                        environment: ["CHARGEBACK_NOW": instant, "AWS_ENDPOINT_URL": "http://127.0.0.1:9"], in: folder)
            #expect(run.status == 2, "\(instant): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("CHARGEBACK_NOW"), "\(run.stderr)")
        }
    }

    @Test("an endpoint variable that is not an http(s) URL is a usage error before any call")
    func endpointVariables() async throws {
        let folder = try await folderWithConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, value) in [("AWS_ENDPOINT_URL", "ftp://127.0.0.1:9"), ("AWS_ENDPOINT_URL_ATHENA", "not a url")] {
            let run = try await CLI.run(["check", "--config", "chargeback.yaml"],
                                        environment: ["CHARGEBACK_NOW": Self.now, name: value, "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
                                                      "AWS_SECRET_ACCESS_KEY": "not-a-secret"], in: folder)
            #expect(run.status == 2, "\(name): \(run.status) \(run.stdout) \(run.stderr)")
            #expect(run.stderr.contains("\(name) '\(value)' is not an http(s) URL"), "\(run.stderr)")
        }
    }

    @Test("a latency the sandbox cannot count is refused, not a crash")
    func sandboxLatencyOverflow() async throws {
        let sandbox = CLI.executable.deletingLastPathComponent().appendingPathComponent("chargeback-sandbox")
        let run = try await CLI.run(["--sample", "--faults", "latency=9223372036854775807s"], executable: sandbox)
        #expect(run.status == 64, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("latency"), "\(run.stderr)")
    }

    @Test("a start older than Cost Explorer answers is refused before any call, and says how far back it goes")
    func sinceOlderThanCostExplorer() async throws {
        let folder = try await folderWithConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await CLI.run(["collect", "--config", "chargeback.yaml", "--store", "s.sqlite", "--since", "1970-01-01"],
                                    environment: Self.unreachable, in: folder)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("--since 1970-01-01"), "\(run.stderr)")
        // 13 months before December 2026.
        #expect(run.stderr.contains("2025-11"), "\(run.stderr)")
        #expect(run.stderr.contains("--cost-explorer-history-months 38"), "\(run.stderr)")
        let month = try await CLI.run(["collect", "--config", "chargeback.yaml", "--store", "s.sqlite", "--month", "2025-10"],
                                      environment: Self.unreachable, in: folder)
        #expect(month.status == 2, "\(month.status) \(month.stderr)")
        #expect(month.stderr.contains("--month 2025-10"), "\(month.stderr)")
    }

    @Test("with multi-year data the start may go back 38 months; the request limit still applies")
    func multiYearHistory() async throws {
        let folder = try await folderWithConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        // October 2023 to December 2026: 39 months, for 3 business units and the central account
        // (two requests: the sample finds Quick's SERVICE value first), more than the 100 allowed here.
        let run = try await CLI.run(["collect", "--config", "chargeback.yaml", "--store", "s.sqlite", "--since", "2023-10-01",
                                     "--cost-explorer-history-months", "38", "--max-cost-explorer-requests", "100"],
                                    environment: Self.unreachable, in: folder)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("\(39 * 5) Cost Explorer requests"), "\(run.stderr)")
        #expect(run.stderr.contains("USD 1.95"), "\(run.stderr)")
        #expect(run.stderr.contains("--max-cost-explorer-requests 195"), "\(run.stderr)")
        #expect(!run.stderr.contains("no base credentials"))
    }

    @Test("more Cost Explorer requests than --max-cost-explorer-requests are refused before any call")
    func requestLimit() async throws {
        let folder = try await folderWithConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        // July to December 2026: 6 months for 3 business units and the central account (two each month).
        let run = try await CLI.run(["collect", "--config", "chargeback.yaml", "--store", "s.sqlite", "--since", "2026-07-15",
                                     "--max-cost-explorer-requests", "29"], environment: Self.unreachable, in: folder)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("30 Cost Explorer requests"), "\(run.stderr)")
        #expect(run.stderr.contains("USD 0.30"), "\(run.stderr)")
        #expect(run.stderr.contains("--max-cost-explorer-requests 30"), "\(run.stderr)")
        // At the limit, the collect goes on (and here fails for want of an endpoint).
        let atLimit = try await CLI.run(["collect", "--config", "chargeback.yaml", "--store", "s.sqlite", "--since", "2026-07-15",
                                         "--max-cost-explorer-requests", "30"], environment: Self.unreachable, in: folder)
        #expect(atLimit.status == 1, "\(atLimit.status) \(atLimit.stderr)")
    }

    @Test("a month that has not started is a usage error for collect, report and render, and adds nothing to the index")
    func futureMonth() async throws {
        let folder = try await folderWithConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["collect", "report", "render"] {
            let run = try await CLI.run([command, "--config", "chargeback.yaml", "--store", "s.sqlite", "--month", "2027-01"],
                                        environment: Self.unreachable, in: folder)
            #expect(run.status == 2, "\(command): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("--month 2027-01 has not started"), "\(command): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/index.html").path))
    }

    @Test("--out, --templates and --endpoint-url are checked before any AWS call (exit 2)")
    func outputArgumentsFirst() async throws {
        let sandbox = try await SampleSandbox.start()
        defer { Task { await sandbox.stop() } }
        let folder = try await folderWithConfig()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "not a folder".write(to: folder.appendingPathComponent("a-file"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("no-templates"), withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            (["--out", "a-file"], "--out"),
            (["--out", "a-file/reports"], "--out"),
            (["--templates", "missing-folder"], "--templates"),
            (["--templates", "no-templates"], "index.mustache"),
            (["--endpoint-url", "ftp://127.0.0.1:\(sandbox.port)"], "--endpoint-url"),
            (["--endpoint-url", "not a url"], "--endpoint-url"),
        ]
        for (arguments, named) in cases {
            let run = try await CLI.run(["report", "--config", "chargeback.yaml", "--store", "s.sqlite"] + arguments,
                                        environment: sandbox.environment, in: folder)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stdout) \(run.stderr)")
            #expect(run.stderr.contains(named), "\(arguments): \(run.stderr)")
        }
        #expect(sandbox.server.counters.acceptedConnections == 0, "an argument was checked after an AWS call")
    }
}
