import AWSCore
import AWSSandbox
import AWSServices
import Foundation
import Synchronization
import Testing
@testable import ChargebackCore

@Suite("AccessChecker: `chargeback check` against the sandbox's sample organisation", .timeLimit(.minutes(1)))
struct AccessCheckerTests {
    static func checker(_ sandbox: SandboxFixture, config: ChargebackConfig, concurrency: Int = 8) -> AccessChecker {
        AccessChecker(config: config, chain: sandbox.chain(runAsRoleArn: config.central.runAsRoleArn?.text),
                      central: sandbox.client(), concurrency: concurrency)
    }

    static func rows(_ reports: [AccessCheckReport]) -> [String: AccessCheckReport] {
        Dictionary(uniqueKeysWithValues: reports.map { ($0.businessUnitId, $0) })
    }

    @Test("the sample configuration passes every check, through Role A")
    func samplePasses() async throws {
        let config = try SampleOrganisation.config()
        let reports = try await withSandbox { sandbox in await Self.checker(sandbox, config: config).run() }

        #expect(reports.map(\.businessUnitId) == SampleOrganisation.unitIds + ["(central)"])
        for report in reports {
            #expect(report.passed, "\(report)")
        }
        let rows = Self.rows(reports)
        for id in SampleOrganisation.unitIds {
            let row = try #require(rows[id])
            #expect(row.chain == .passed("Role A → Role B"))
            #expect(row.identity == .passed(row.accountId))
            #expect(row.costExplorer.isPassed)
            #expect(row.quickSight == nil)
        }
        // The sample's accounts: retail and invest have primary and bi; risk adds models in eu-west-1.
        #expect(rows["retail"]?.athena == .passed("2 workgroups"))
        #expect(rows["risk"]?.athena == .passed("4 workgroups in 2 regions"), "primary exists in eu-west-1 too, as on AWS")

        let central = try #require(rows["(central)"])
        #expect(central.accountId == SampleOrganisation.centralAccountId)
        #expect(central.chain == .passed("base"))
        #expect(central.identity == .passed(SampleOrganisation.centralAccountId))
        // Three Athena data sources and one S3 one: only the Athena ones are counted.
        #expect(central.quickSight == .passed("3 Athena data sources"))
        #expect(central.costExplorer.isPassed)
        #expect(central.athena == .skipped("-"))
    }

    @Test("without Role A every BU row passes with the direct chain")
    func samplePassesWithoutRoleA() async throws {
        var config = try SampleOrganisation.config()
        config.central.runAsRoleArn = nil
        let reports = try await withSandbox { sandbox in
            let reports = await Self.checker(sandbox, config: config).run()
            #expect(sandbox.assumeRoleCalls() == 3)
            return reports
        }
        #expect(reports.allSatisfy { $0.passed })
        #expect(reports.dropLast().allSatisfy { $0.chain == .passed("Role B") })
    }

    @Test("one BU's wrong ExternalId fails only that row, at Role B, with the trust-policy hint")
    func wrongExternalIdFailsOneRow() async throws {
        var config = try SampleOrganisation.config()
        config.businessUnits[1].externalId = SandboxScenarios.dataSourceArn("athena-retail")
        let reports = try await withSandbox { sandbox in await Self.checker(sandbox, config: config).run() }
        let rows = Self.rows(reports)

        let invest = try #require(rows["invest"])
        guard case let .failed(code, hint) = invest.chain else {
            Issue.record("invest's chain should fail, got \(invest.chain)")
            return
        }
        #expect(code == "AccessDenied")
        #expect(hint.hasPrefix("Role B's trust policy does not accept this ExternalId"))
        #expect(invest.identity == .skipped("-"))
        #expect(invest.athena == .skipped("-"))
        #expect(invest.costExplorer == .skipped("-"))
        #expect(!invest.passed)

        for id in ["retail", "risk", "(central)"] {
            #expect(rows[id]?.passed == true, "\(id): \(String(describing: rows[id]))")
        }
    }

    @Test("a Role A that does not trust the reporter fails every BU row at Role A with its hint")
    func roleADistrustsReporter() async throws {
        let config = try SampleOrganisation.config()
        let reports = try await withSandbox(scenario: SampleOrganisation.scenarioWhereRoleADistrustsReporter()) { sandbox in
            await Self.checker(sandbox, config: config).run()
        }
        for report in reports.dropLast() {
            guard case let .failed(code, hint) = report.chain else {
                Issue.record("\(report.businessUnitId): the chain should fail, got \(report.chain)")
                continue
            }
            #expect(code == "AccessDenied")
            #expect(hint.hasPrefix("Role A's trust policy does not accept the reporter's principal"))
        }
        #expect(reports.last?.passed == true)
    }

    @Test("a configured workgroup that does not exist fails Athena with WorkGroupNotFound")
    func missingWorkgroup() async throws {
        var config = try SampleOrganisation.config()
        config.businessUnits[0].workgroups = ["primary", "finance-adhoc"]
        let reports = try await withSandbox { sandbox in await Self.checker(sandbox, config: config).run() }
        let retail = try #require(Self.rows(reports)["retail"])
        guard case let .failed(code, hint) = retail.athena else {
            Issue.record("retail's Athena check should fail, got \(retail.athena)")
            return
        }
        #expect(code == "WorkGroupNotFound")
        #expect(hint.contains("'finance-adhoc'"))
        #expect(hint.contains("us-east-1"))
        #expect(retail.chain.isPassed && retail.identity.isPassed && retail.costExplorer.isPassed)
    }

    @Test("configured workgroups of a multi-region BU may each live in any of its regions")
    func workgroupsAcrossRegions() async throws {
        var config = try SampleOrganisation.config()
        let index = try #require(config.businessUnits.firstIndex { $0.id == "risk" })
        config.businessUnits[index].workgroups = ["primary", "models"]
        let risk = config.businessUnits[index]
        let report = try await withSandbox { sandbox in await Self.checker(sandbox, config: config).checkBusinessUnit(risk) }
        #expect(report.athena == .passed("4 workgroups in 2 regions"), "primary exists in eu-west-1 too, as on AWS")

        config.businessUnits[index].workgroups = ["primary", "archive"]
        let missing = config.businessUnits[index]
        let failed = try await withSandbox { sandbox in await Self.checker(sandbox, config: config).checkBusinessUnit(missing) }
        guard case let .failed(code, hint) = failed.athena else {
            Issue.record("risk's Athena check should fail, got \(failed.athena)")
            return
        }
        #expect(code == "WorkGroupNotFound")
        #expect(hint.contains("'archive'") && hint.contains("us-east-1") && hint.contains("eu-west-1"))
    }

    @Test("more workgroups than one page: counted as a lower bound, and no WorkGroupNotFound guess")
    func truncatedWorkgroupList() async throws {
        var config = try SampleOrganisation.config()
        config.businessUnits[0].workgroups = ["primary", "not-on-the-first-page"]
        let retail = config.businessUnits[0]
        let scenario = SampleOrganisation.scenario(addingWorkgroups: 60, to: retail.accountId)
        let report = try await withSandbox(scenario: scenario) { sandbox in
            await Self.checker(sandbox, config: config).checkBusinessUnit(retail)
        }
        #expect(report.athena == .passed("50+ workgroups"))
    }

    @Test("wrong_account: the identity fails with WrongAccount and nothing is probed in the other account")
    func wrongAccountSkipsProbes() async throws {
        let config = try SampleOrganisation.config()
        let retail = try #require(config.businessUnit(id: "retail"))
        try await withSandbox(faults: "wrong_account=\(retail.accountId)") { sandbox in
            let report = await Self.checker(sandbox, config: config).checkBusinessUnit(retail)
            #expect(report.chain.isPassed)
            guard case let .failed(code, hint) = report.identity else {
                Issue.record("the identity check should fail, got \(report.identity)")
                return
            }
            #expect(code == "WrongAccount")
            #expect(hint.contains("wrong account"))
            #expect(report.athena == .skipped("-"))
            #expect(report.costExplorer == .skipped("-"))
            for account in [retail.accountId, SampleOrganisation.centralAccountId] {
                #expect(sandbox.counters.requests(service: "athena", operation: "ListWorkGroups", account: account) == 0)
                #expect(sandbox.counters.requests(service: "ce", operation: "GetCostAndUsage", account: account) == 0)
            }
        }
    }

    /// GetCallerIdentity needs no permission on AWS, so the identity passes and Athena is refused,
    /// with a hint that names the action, the principal and the policy to change.
    @Test("deny_account on a BU's account fails its Athena check with AccessDenied and a precise hint")
    func deniedAccount() async throws {
        let config = try SampleOrganisation.config()
        let risk = try #require(config.businessUnit(id: "risk"))
        let report = try await withSandbox(faults: "deny_account=\(risk.accountId)") { sandbox in
            await Self.checker(sandbox, config: config).checkBusinessUnit(risk)
        }
        #expect(report.identity.isPassed)
        guard case let .failed(code, hint) = report.athena else {
            Issue.record("the Athena check should fail, got \(report.athena)")
            return
        }
        #expect(code == "AccessDeniedException")
        #expect(hint.hasPrefix("arn:aws:sts::\(risk.accountId):assumed-role/qs-athena-consumer-role/"), "\(hint)")
        #expect(hint.contains("may not call athena:ListWorkGroups: allow athena:ListWorkGroups in the permissions policy of role qs-athena-consumer-role in account \(risk.accountId) (Role B)"), "\(hint)")
    }

    @Test("bad base credentials fail the central row and every chain with InvalidClientTokenId and its hint")
    func badBaseCredentials() async throws {
        let config = try SampleOrganisation.config()
        let reports = try await withSandbox { sandbox in
            let checker = AccessChecker(
                config: config,
                chain: sandbox.chain(runAsRoleArn: SampleOrganisation.runAsRoleArn, base: SampleOrganisation.unknownKeys),
                central: sandbox.client(SampleOrganisation.unknownKeys))
            return await checker.run()
        }
        #expect(reports.count == 4)
        for report in reports {
            guard case let .failed(code, hint) = report.chain else {
                Issue.record("\(report.businessUnitId): the chain should fail, got \(report.chain)")
                continue
            }
            #expect(code == "InvalidClientTokenId")
            #expect(hint == "the base credentials are not valid: check the access key of the profile or environment")
            #expect(!hint.contains(SampleOrganisation.unknownKeys.fixedCredentials.secretAccessKey))
        }
    }

    @Test("with concurrency 2 and 3 BUs the rows come back in configuration order")
    func configurationOrder() async throws {
        var config = try SampleOrganisation.config()
        config.businessUnits.reverse()
        let reports = try await withSandbox { sandbox in
            await Self.checker(sandbox, config: config, concurrency: 2).run()
        }
        #expect(reports.map(\.businessUnitId) == ["risk", "invest", "retail", "(central)"])
        #expect(reports.map(\.accountId) == ["444444444444", "333333333333", "222222222222", "111111111111"])
        #expect(reports.allSatisfy { $0.passed })
    }

    @Test("the Cost Explorer probe asks for the UTC day before the central clock's", arguments: [
        ("2026-06-10T00:00:00Z", "2026-06-09", "2026-06-10"),
        ("2026-03-01T23:59:59Z", "2026-02-28", "2026-03-01"),
        ("2027-01-01T12:00:00Z", "2026-12-31", "2027-01-01"),
    ])
    func oneDayOfCostsIsYesterdayInUTC(instant: String, start: String, end: String) throws {
        let now = try #require(ISO8601DateFormatter().date(from: instant))
        let central = AWSClient(http: CurlHTTPClient(environment: [:]), credentialProvider: SampleOrganisation.reporter,
                                region: SampleOrganisation.region, clock: { now })
        let checker = AccessChecker(config: try SampleOrganisation.config(),
                                    chain: RoleChain(base: SampleOrganisation.reporter, runAsRoleArn: nil, client: central),
                                    central: central)
        let period = checker.oneDayOfCosts(services: ["Amazon Athena"]).timePeriod
        #expect(period.start == start)
        #expect(period.end == end)
    }
}

@Suite("concurrentMap", .timeLimit(.minutes(1)))
struct ConcurrentMapTests {
    @Test("keeps the items' order and never runs more than the limit at once", arguments: [1, 2, 3, 8])
    func orderAndLimit(limit: Int) async {
        let running = Mutex((now: 0, peak: 0))
        let items = Array(0..<12)
        let results = await concurrentMap(items, limit: limit) { item in
            running.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            // Earlier items take longer, so they finish after later ones.
            for _ in 0..<(items.count - item) * 20 { await Task.yield() }
            running.withLock { $0.now -= 1 }
            return item * 10
        }
        #expect(results == items.map { $0 * 10 })
        #expect(running.withLock { $0.peak } <= limit)
        #expect(running.withLock { $0.now } == 0)
    }

    @Test("an empty list and a non-positive limit are handled")
    func edgeCases() async {
        #expect(await concurrentMap([Int](), limit: 4) { $0 }.isEmpty)
        #expect(await concurrentMap([1, 2, 3], limit: 0) { $0 + 1 } == [2, 3, 4])
    }
}
