import ChargebackModel
import Foundation
import GRDB
import Testing
@testable import ChargebackStore

@Suite("The store")
struct ChargebackStoreTests {
    final class Folder: Sendable {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static let month = BillingMonth("2026-10")!

    static func execution(_ id: String, state: AthenaExecutionState = .succeeded, bytes: Int64 = 1_000,
                          at seconds: Double = 1_791_000_000) -> AthenaExecution {
        AthenaExecution(id: id, accountId: "222222222222", region: "us-east-1", workgroup: "bi", state: state,
                        submittedAt: Date(timeIntervalSince1970: seconds), statementType: "DML",
                        dataScannedBytes: bytes, reusedPreviousResult: false)
    }

    @Test("a new store is created 0600 in a new folder, and marked as a chargeback store")
    func createsPrivately() throws {
        let folder = try Folder()
        let path = folder.path("nested/deeper/store.sqlite")
        _ = try ChargebackStore(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == 0x4348_424B)
    }

    @Test("a store written by a newer version is refused and left unchanged")
    func refusesNewerStore() throws {
        let folder = try Folder()
        let path = folder.path("store.sqlite")
        _ = try ChargebackStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect { try ChargebackStore(path: path) } throws: { error in
            "\(error)".contains("newer version of chargeback")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("another program's database, a text file and a directory are refused with a sentence")
    func refusesForeignFiles() throws {
        let folder = try Folder()
        let foreign = folder.path("foreign.sqlite")
        let queue = try DatabaseQueue(path: foreign)
        try queue.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
        #expect { try ChargebackStore(path: foreign) } throws: { "\($0)".contains("is not a chargeback store") }

        let text = folder.path("notes.txt")
        try Data(String(repeating: "not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: text))
        #expect { try ChargebackStore(path: text) } throws: { "\($0)".contains("not an SQLite database") }

        #expect { try ChargebackStore(path: folder.url.path) } throws: { "\($0)".contains("is a directory") }
    }

    @Test("saving the same executions twice stores them once; a finished query replaces its running state")
    func upsertsAreIdempotent() async throws {
        let folder = try Folder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        let running = Self.execution("q-1", state: .running, bytes: 10)
        let batch = BusinessUnitBatch(executions: [running, Self.execution("q-2")])
        try await store.save(batch)
        try await store.save(batch)
        #expect(try store.executionCount() == 2)
        let known = try await store.storedHistory(accountId: "222222222222", region: "us-east-1", workgroup: "bi",
                                                  submittedSince: .distantPast).known
        #expect(known["q-1"]?.isFinal == false)
        #expect(known["q-2"]?.isFinal == true)

        try await store.save(BusinessUnitBatch(executions: [Self.execution("q-1", state: .succeeded, bytes: 5_000_000)]))
        let stored = try store.executions(accountId: "222222222222", regions: ["us-east-1"], month: Self.month)
        #expect(stored.count == 2)
        #expect(stored.first { $0.id == "q-1" }?.state == .succeeded)
        #expect(stored.first { $0.id == "q-1" }?.dataScannedBytes == 5_000_000)
    }

    @Test("executions one second either side of a month boundary land in their own month")
    func monthBoundary() async throws {
        let folder = try Folder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        let start = Self.month.start.timeIntervalSince1970
        let end = Self.month.end.timeIntervalSince1970
        try await store.save(BusinessUnitBatch(executions: [
            Self.execution("before", at: start - 1), Self.execution("first", at: start),
            Self.execution("last", at: end - 0.001), Self.execution("after", at: end),
        ]))
        let ids = try store.executions(accountId: "222222222222", regions: ["us-east-1"], month: Self.month).map(\.id)
        #expect(ids == ["first", "last"])
    }

    @Test("cost amounts round-trip exactly, a page-split group is summed, and a new answer replaces the old")
    func costResults() async throws {
        let folder = try Folder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        func line(_ usageType: String, _ amount: String) -> CostLine {
            CostLine(accountId: "222222222222", month: Self.month, metric: "NetUnblendedCost", service: "Amazon Athena",
                     usageType: usageType, amount: Decimal(string: amount)!, unit: "USD", estimated: true)
        }
        let first = CostResult(accountId: "222222222222", month: Self.month, metric: "NetUnblendedCost", kind: .consumer,
                               requestFingerprint: "a", estimated: true, fetchedAt: Date(timeIntervalSince1970: 1_790_000_000),
                               lines: [line("USE1-DataScannedInTB", "123.4567891234"), line("USE1-DataScannedInTB", "0.0000000001"),
                                       line("Credit", "-25.10")])
        try await store.save(BusinessUnitBatch(costResults: [first]))
        let lines = try store.costLines(accountId: "222222222222", month: Self.month, metric: "NetUnblendedCost", kind: .consumer)
        #expect(lines.map(\.usageType) == ["Credit", "USE1-DataScannedInTB"])
        #expect(lines.map(\.amount) == [Decimal(string: "-25.10")!, Decimal(string: "123.4567891235")!])
        let stamp = try #require(try store.costResultStamp(accountId: "222222222222", month: Self.month,
                                                           metric: "NetUnblendedCost", kind: .consumer))
        #expect(stamp.estimated && stamp.requestFingerprint == "a")

        var second = first
        second.estimated = false
        second.lines = [line("USE1-DataScannedInTB", "130")]
        try await store.save(BusinessUnitBatch(costResults: [second]))
        #expect(try store.costLines(accountId: "222222222222", month: Self.month, metric: "NetUnblendedCost",
                                    kind: .consumer).map(\.amount) == [130])
        #expect(try store.costLines(accountId: "222222222222", month: Self.month, metric: "UnblendedCost",
                                    kind: .consumer).isEmpty)
    }

    @Test("a run killed before its end is on record but never counts as the month's latest")
    func unfinishedRuns() throws {
        let folder = try Folder()
        let store = try ChargebackStore(path: folder.path("store.sqlite"))
        let started = Date(timeIntervalSince1970: 1_793_600_000)
        var finished = CollectionRun(id: "a", month: Self.month, since: Self.month.start, startedAt: started)
        try store.begin(finished, lastMonth: Self.month)
        try store.record(CollectionOutcome(scope: "retail", status: .complete), runId: "a")
        finished.endedAt = started.addingTimeInterval(60)
        try store.finish(finished)
        let killed = CollectionRun(id: "b", month: Self.month, since: Self.month.start, startedAt: started.addingTimeInterval(600))
        try store.begin(killed, lastMonth: Self.month)
        try store.record(CollectionOutcome(scope: "retail", status: .failed, error: "x"), runId: "b")
        #expect(try store.runs().map(\.id) == ["b", "a"])
        #expect(try store.latestOutcome(scope: "retail", month: Self.month)?.run.id == "a")
        #expect(try store.latestRun(covering: Self.month)?.id == "a")
        #expect(try store.latestRun(covering: Self.month.next) == nil)
    }
}
