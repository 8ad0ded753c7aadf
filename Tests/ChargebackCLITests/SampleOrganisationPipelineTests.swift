import AWSCore
import ChargebackAttribution
import ChargebackCore
import ChargebackReports
import ChargebackTestSupport
import Foundation
import Testing
// Expected figures come from the scenario's own data (cost lines, generators, data sets), never
// from what the sandbox serves or the code under test computes.
@testable import AWSSandbox

/// The sample organisation end to end: collect from the sandbox, attribute, and compare every
/// final figure with one this test computes from the scenario by its own simple means.
@Suite("The sample organisation, collected and attributed", .timeLimit(.minutes(2)))
struct SampleOrganisationPipelineTests {
    static let start = ISO8601DateFormatter().date(from: "2026-06-10T12:00:00Z")!
    static let month = BillingMonth("2026-05")!
    static let tebibyte = Decimal(1_099_511_627_776)

    @Test("every BU's services, estimate, Quick categories, allocations and totals match the scenario to the cent")
    func everyFigureMatches() async throws {
        let scenario = SandboxScenarios.sample(now: Self.start)
        let config = try ConfigLoader.parse(SampleConfig.text, path: "chargeback.yaml")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ChargebackStore(path: folder.appendingPathComponent("store.sqlite").path)

        let sandbox = try await SandboxHarness.start(scenario: scenario, frozenClock: true)
        let clock = sandbox.clock
        let run = try await Collector(config: config, chain: sandbox.chain(runAsRoleArn: config.central.runAsRoleArn?.text),
                                      central: sandbox.client(), store: store, now: { clock.now() })
            .run(.month(Self.month))
        await sandbox.stop()
        try #require(run.status == .complete, "\(run.outcomes.compactMap(\.error))")

        let input = try #require(try AttributionInputLoader(config: config, store: store)
            .load(month: Self.month, generatedAt: Self.start, toolVersion: "test"))
        let report = Attribution.attribute(input)
        #expect(report.status == .complete, "\(report.dataQuality.map(\.message))")
        #expect(report.costDataFinal)

        // Consumer services and the Athena estimate, per BU.
        var billableQueries: [String: Int] = [:]
        var consumerTotals: [String: Decimal] = [:]
        for unit in config.businessUnits {
            let figures = try #require(report.businessUnits.first { $0.id == unit.id })
            let account = try #require(scenario.account(unit.accountId))
            func billed(_ service: String) -> Decimal {
                cents(account.costLines.filter { $0.service == service && $0.date.hasPrefix(Self.month.text) }
                    .reduce(Decimal(0)) { $0 + $1.amount(for: config.costMetric.rawValue) })
            }
            #expect(figures.athenaBilled == billed("Amazon Athena"), "\(unit.id) Athena")
            #expect(figures.glue == billed("AWS Glue"), "\(unit.id) Glue")
            #expect(figures.s3 == billed("Amazon Simple Storage Service"), "\(unit.id) S3")
            let consumer = billed("Amazon Athena") + billed("AWS Glue") + billed("Amazon Simple Storage Service")
            #expect(figures.consumerTotal == consumer, "\(unit.id) consumer total")
            consumerTotals[unit.id] = consumer

            var estimate = Decimal(0)
            var queries = 0
            var billable = 0
            for (slot, generator) in account.queryGenerators.enumerated()
            where unit.workgroups?.contains(generator.workgroup) ?? true {
                var records: [AthenaExecutionRecord] = []
                QueryGeneratorExpander(generator: generator).expand(slot: Int32(slot), into: &records)
                for record in records where Self.month.contains(Date(timeIntervalSince1970: Double(record.submittedMillis) / 1000)) {
                    queries += 1
                    guard let bytes = Self.billedBytes(record) else { continue }
                    billable += 1
                    estimate += Decimal(bytes) * config.pricing.athenaPricePerTB(region: generator.region) / Self.tebibyte
                }
            }
            #expect(figures.workgroups.reduce(0) { $0 + $1.queries } == queries, "\(unit.id) queries")
            #expect(figures.athenaEstimated == cents(estimate), "\(unit.id) estimate")
            #expect(figures.workgroups.reduce(Decimal(0)) { $0 + $1.reconciledCost } == figures.athenaBilled)
            billableQueries[unit.id] = billable
        }

        // Central Quick costs by category, then each category's allocation.
        let central = try #require(scenario.account(SandboxScenarios.centralAccountId))
        var usageTypeCents: [String: Decimal] = [:]
        // The sample configuration says `quick_service_name: auto`; the report names the value found.
        #expect(config.central.quickServiceName == nil)
        #expect(report.central.quickServiceName == "Amazon QuickSight" && report.central.quickServiceNameFound == true)
        for line in central.costLines where line.service == report.central.quickServiceName && line.date.hasPrefix(Self.month.text) {
            usageTypeCents[line.usageType, default: 0] += line.amount(for: config.costMetric.rawValue)
        }
        var categoryAmounts: [QuickCostCategory: Decimal] = [:]
        for (usageType, amount) in usageTypeCents {
            categoryAmounts[config.usageTypeRules.category(forUsageType: usageType), default: 0] += cents(amount)
        }
        let ids = config.businessUnits.map(\.id)
        // The sample's rules: sessions by billable queries, SPICE by bytes, users evenly, other 50/30/20.
        let spiceBytes = Self.spiceBytes(central, config: config)
        let weights: [QuickCostCategory: [String: Decimal]] = [
            .sessions: billableQueries.mapValues { Decimal($0) },
            .spice: spiceBytes,
            .users: Dictionary(uniqueKeysWithValues: ids.map { ($0, Decimal(1)) }),
            .other: ["retail": 50, "invest": 30, "risk": 20],
        ]
        var allocated: [String: Decimal] = [:]
        for category in QuickCostCategory.allCases {
            let amount = categoryAmounts[category] ?? 0
            let figures = try #require(report.central.categories.first { $0.category == category })
            #expect(figures.amount == amount, "\(category) amount")
            let shares = Self.largestRemainder(cents: amount, weights: weights[category]!, order: ids + ["(central)"])
            for (unit, share) in shares where unit != "(central)" {
                let got = figures.allocation.shares.first { $0.businessUnitId == unit }?.amount ?? 0
                #expect(got == share, "\(category) \(unit)")
                allocated[unit, default: 0] += share
            }
            #expect(figures.allocation.allocated + figures.allocation.centralRemainder == amount)
        }

        for unit in config.businessUnits {
            let figures = try #require(report.businessUnits.first { $0.id == unit.id })
            let total = consumerTotals[unit.id]! + allocated[unit.id, default: 0]
            #expect(figures.chargebackTotal == total, "\(unit.id) chargeback total")
            #expect(figures.lines.reduce(Decimal(0)) { $0 + $1.amount } == total, "\(unit.id) lines")
        }
        #expect(report.totals.chargebackTotal == report.businessUnits.compactMap(\.chargebackTotal).reduce(0, +))
        #expect(report.totals.chargebackTotal + report.totals.centralRemainder
                == consumerTotals.values.reduce(0, +) + categoryAmounts.values.reduce(0, +))

        // The sample's files, byte for byte (the run's random id pinned), and no secret in any of
        // them or in the store.
        var pinned = report
        pinned.run = RunInfo(runId: "sample-run", collectedAt: Self.start, costExplorerRequests: report.run?.costExplorerRequests ?? 0)
        let files = try ReportRenderer().render(pinned, formats: Set(ReportFormat.allCases))
        let golden = GoldenFolder(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/sample-\(Self.month)"))
        for file in files where !file.name.hasSuffix(".html") {
            if let mismatch = try golden.mismatch(file.data, named: file.name) { Issue.record(Comment(rawValue: mismatch)) }
        }
        // Every page parses as HTML without an error. (The golden report.json is checked against
        // docs/report.schema.json by `make validate-reports`.)
        let pages = files.filter { $0.name.hasSuffix(".html") }
        #expect(pages.map(\.name).sorted() == ["index.html", "invest.html", "retail.html", "risk.html"])
        for page in pages { #expect(HTMLChecker.errors(in: page.data) == [], "\(page.name)") }

        let out = folder.appendingPathComponent("reports")
        try ReportPublisher.publish(files, month: Self.month, outDirectory: out)
        var scanned = [folder.appendingPathComponent("store.sqlite")]
        let monthFolder = out.appendingPathComponent(Self.month.text)
        scanned += try FileManager.default.contentsOfDirectory(at: monthFolder, includingPropertiesForKeys: nil)
        #expect(scanned.count == files.count + 1)
        for url in scanned {
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            for secret in [SandboxScenarios.sampleReporterSecretAccessKey, "IQoJb3JpZ2luX2VjE", "SecretAccessKey", "SessionToken"] {
                #expect(!text.contains(secret), "\(url.lastPathComponent) holds \(secret.prefix(6))…")
            }
        }
    }

    /// Half away from zero, to cents.
    func cents(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 2, .plain)
        return output
    }

    /// Athena's billing rule, written out: DDL, reused, failed, queued and running are free;
    /// cancelled queries pay for what they scanned; the rest pay per MiB, at least 10 MiB.
    static func billedBytes(_ record: AthenaExecutionRecord) -> Int64? {
        guard record.statement != .ddl, !record.reusedPreviousResult else { return nil }
        switch record.state {
        case .succeeded: break
        case .cancelled where record.dataScannedBytes > 0: break
        default: return nil
        }
        let mebibyte: Int64 = 1_048_576
        return max((record.dataScannedBytes + mebibyte - 1) / mebibyte, 10) * mebibyte
    }

    /// SPICE bytes per BU from the scenario's data sets: a data set over several BUs splits evenly;
    /// what maps to no BU is the central weight.
    static func spiceBytes(_ central: ScenarioAccount, config: ChargebackConfig) -> [String: Decimal] {
        let owner = Dictionary(uniqueKeysWithValues: central.quickDataSources.compactMap { source -> (String, String)? in
            guard let role = source.consumerAccountRoleArn,
                  let unit = config.businessUnits.first(where: { $0.roleArn.text == role }) else { return nil }
            return (source.id, unit.id)
        })
        var bytes: [String: Decimal] = [:]
        for set in central.quickDataSets where set.importMode != "DIRECT_QUERY" && set.spiceBytes > 0 {
            let units = Set(set.dataSourceIds.compactMap { owner[$0] }).sorted()
            if units.isEmpty {
                bytes["(central)", default: 0] += Decimal(set.spiceBytes)
                continue
            }
            let share = set.spiceBytes / Int64(units.count)
            let odd = set.spiceBytes % Int64(units.count)
            for (index, unit) in units.enumerated() {
                bytes[unit, default: 0] += Decimal(share + (Int64(index) < odd ? 1 : 0))
            }
        }
        return bytes
    }

    /// Cents apportioned by largest remainder, ties in `order`.
    static func largestRemainder(cents amount: Decimal, weights: [String: Decimal], order: [String]) -> [String: Decimal] {
        let total = weights.values.reduce(0, +)
        guard total > 0 else { return [:] }
        let whole = NSDecimalNumber(decimal: amount * 100).int64Value
        var floors: [String: Int64] = [:]
        var remainders: [(String, Decimal)] = []
        for id in order {
            let exact = Decimal(whole) * (weights[id] ?? 0) / total
            var value = exact
            var floor = Decimal()
            NSDecimalRound(&floor, &value, 0, .down)
            floors[id] = NSDecimalNumber(decimal: floor).int64Value
            remainders.append((id, exact - floor))
        }
        var left = whole - floors.values.reduce(0, +)
        for (id, _) in remainders.enumerated().sorted(by: { lhs, rhs in
            lhs.element.1 != rhs.element.1 ? lhs.element.1 > rhs.element.1 : lhs.offset < rhs.offset
        }).map(\.element) where left > 0 {
            floors[id]! += 1
            left -= 1
        }
        return floors.mapValues { Decimal($0) / 100 }
    }
}
