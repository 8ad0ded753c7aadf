import AWSSandbox
import ChargebackCore
import Foundation
import Testing

/// What a default run keeps to itself: no SQL text stored or shown, files no one else can change.
@Suite("Security defaults of a collect and render", .timeLimit(.minutes(3)))
struct SecurityDefaultsTests {
    static let now = Date()
    static let month = BillingMonth.previous(to: now)

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("by default no query text reaches the store or a page; the store is 0600, reports 0644, nothing world-writable")
    func defaults() async throws {
        let folder = try await collectedSampleFolder(month: Self.month, now: Self.now)
        defer { try? FileManager.default.removeItem(at: folder) }
        let render = try await CLI.run(["render", "--config", "chargeback.yaml", "--month", Self.month.text,
                                        "--store", "s.sqlite", "--out", "reports", "--include-query-text"], in: folder)
        #expect(render.status == 0, "\(render.stderr)")

        let storePath = folder.appendingPathComponent("s.sqlite").path
        let store = try ChargebackStore(path: storePath)
        let config = try ConfigLoader.load(path: folder.appendingPathComponent("chargeback.yaml").path)
        var executions = 0
        for unit in config.businessUnits {
            let stored = try store.executions(accountId: unit.accountId, regions: unit.regions, month: Self.month)
            executions += stored.count
            #expect(stored.allSatisfy { $0.queryText == nil }, "\(unit.id): SQL text stored without --include-query-text")
        }
        #expect(executions > 0)
        // Even a render that asks for the text has none to show from a default collect.
        let monthFolder = folder.appendingPathComponent("reports/\(Self.month.text)")
        for name in try FileManager.default.contentsOfDirectory(atPath: monthFolder.path) {
            let path = monthFolder.appendingPathComponent(name).path
            #expect(try Self.mode(path) == 0o644, "\(name)")
            if name.hasSuffix(".html") {
                #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("<pre class=\"sql\">"), "\(name)")
            }
        }
        #expect(try Self.mode(storePath) == 0o600)
        let reports = folder.appendingPathComponent("reports")
        for name in try FileManager.default.contentsOfDirectory(atPath: reports.path) {
            #expect(try Self.mode(reports.appendingPathComponent(name).path) & 0o002 == 0, "\(name) is world-writable")
        }
    }
}
