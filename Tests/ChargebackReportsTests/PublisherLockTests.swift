import ChargebackModel
import Foundation
import Testing
@testable import ChargebackReports

/// One writer per reports folder, leftovers of dead runs, and a publish stopped by cancellation.
@Suite("Publishing: one writer per folder, leftovers, cancellation", .timeLimit(.minutes(1)))
struct PublisherLockTests {
    let month = ReportFixture.month

    struct RemovalRefused: Error, CustomStringConvertible {
        var description: String { "Operation not permitted" }
    }

    @Test("a folder another writer holds is refused as busy, naming the holder, and nothing in it changes")
    func busyFolderIsRefused() async throws {
        try await withOutput { out in
            try ReportPublisher.publish(PublisherTests.files("first"), month: month, outDirectory: out)
            let holder = try #require(try OutputFolderLock.tryAcquire(out))
            let before = try PublisherTests.entries(out)
            #expect(throws: PublishError.self) {
                try ReportPublisher.publish(PublisherTests.files("second"), month: month, outDirectory: out)
            }
            do {
                try ReportPublisher.publish(PublisherTests.files("second"), month: month, outDirectory: out)
            } catch let error as PublishError {
                guard case .busy = error else { Issue.record("expected busy, got \(error)"); return }
                #expect("\(error)".contains("another chargeback is writing \(out.standardizedFileURL.path)"))
            }
            #expect(try PublisherTests.entries(out) == before)
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(OutputFolderLock.fileName).path))
            #expect(PublisherTests.read(out.appendingPathComponent("\(month.text)/index.html")) == "<p>first</p>")
            // A second acquisition in the same process is refused too: the lock is per open file.
            #expect(try OutputFolderLock.tryAcquire(out) == nil)
            holder.release()
            try ReportPublisher.publish(PublisherTests.files("second"), month: month, outDirectory: out)
            #expect(PublisherTests.read(out.appendingPathComponent("\(month.text)/index.html")) == "<p>second</p>")
        }
    }

    @Test("the held lock lets its holder publish; a lock of another folder is refused")
    func heldLockPublishes() async throws {
        try await withOutput { out in
            let lock = try await OutputFolderLock.acquire(out)
            try ReportPublisher.publish(PublisherTests.files("mine"), month: month, outDirectory: out, lock: lock)
            #expect(PublisherTests.read(out.appendingPathComponent("\(month.text)/index.html")) == "<p>mine</p>")
            let other = out.appendingPathComponent("elsewhere")
            #expect(throws: PublishError.self) {
                try ReportPublisher.publish(PublisherTests.files("x"), month: month, outDirectory: other, lock: lock)
            }
        }
    }

    @Test("waiting for the folder ends when its holder lets go; a wait that runs out says busy")
    func waitsForTheHolder() async throws {
        try await withOutput { out in
            let holder = try #require(try OutputFolderLock.tryAcquire(out))
            await #expect(throws: PublishError.self) { _ = try await OutputFolderLock.acquire(out, waitSeconds: 0.3) }
            let waiter = Task { try await OutputFolderLock.acquire(out, waitSeconds: 30) }
            try await Task.sleep(for: .milliseconds(300))
            holder.release()
            let lock = try await waiter.value
            #expect(lock.directory == out.standardizedFileURL)
        }
    }

    @Test("the lock file is 0644 whatever the umask, and holds the holder's process id")
    func lockFileMode() async throws {
        try await withOutput { out in
            let previous = umask(0)
            defer { umask(previous) }
            let lock = try #require(try OutputFolderLock.tryAcquire(out))
            let path = out.appendingPathComponent(OutputFolderLock.fileName).path
            #expect(try PublisherTests.permissions(path) == 0o644)
            #expect(PublisherTests.read(URL(fileURLWithPath: path)).contains("process \(getpid())"))
            lock.release()
        }
    }

    @Test("temporary folders and index files of dead runs are removed under the lock")
    func deadRunsLeftoversGo() async throws {
        try await withOutput { out in
            try FileManager.default.createDirectory(at: out.appendingPathComponent(".\(month.text).tmp-dead1"),
                                                    withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: out.appendingPathComponent(".2026-08.old-dead2"),
                                                    withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: out.appendingPathComponent("2026-08"), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: out.appendingPathComponent(".index.html.tmp-dead3"))
            let result = try ReportPublisher.publish(PublisherTests.files("new"), month: month, outDirectory: out)
            #expect(result.warnings.isEmpty)
            #expect(try PublisherTests.entries(out) == ["2026-08", month.text, "index.html"])
        }
    }

    @Test("a previous month that cannot be removed is a warning naming it, and the next publish removes it")
    func unremovableOldMonthWarnsAndIsCleanedNextTime() async throws {
        try await withOutput { out in
            try ReportPublisher.publish(PublisherTests.files("first"), month: month, outDirectory: out)
            var faults = ReportPublisher.Faults()
            faults.removeItem = { url in
                if url.lastPathComponent.contains(".old-") { throw RemovalRefused() }
                try FileManager.default.removeItem(at: url)
            }
            let result = try ReportPublisher.publish(PublisherTests.files("second"), month: month, outDirectory: out,
                                                     renderer: ReportRenderer(), faults: faults)
            #expect(result.warnings.count == 1)
            let warning = try #require(result.warnings.first)
            #expect(warning.contains(out.standardizedFileURL.appendingPathComponent(".\(month.text).old-").path))
            #expect(warning.contains("the next run tries again"))
            #expect(try PublisherTests.entries(out).contains { $0.hasPrefix(".\(month.text).old-") })
            #expect(PublisherTests.read(out.appendingPathComponent("\(month.text)/index.html")) == "<p>second</p>")

            let next = try ReportPublisher.publish(PublisherTests.files("third"), month: month, outDirectory: out)
            #expect(next.warnings.isEmpty)
            #expect(try PublisherTests.entries(out) == [month.text, "index.html"])
        }
    }

    @Test("a publish cancelled while writing leaves the previous month whole and no temporary folder")
    func cancelledPublishLeavesThePreviousMonth() async throws {
        try await withOutput { out in
            try ReportPublisher.publish(PublisherTests.files("good"), month: month, outDirectory: out)
            let month = self.month
            let attempt = Task {
                var faults = ReportPublisher.Faults()
                // A signal arrives after the first file: the task is cancelled there.
                faults.afterEachFile = { _ in withUnsafeCurrentTask { $0?.cancel() } }
                try ReportPublisher.publish(PublisherTests.files("half"), month: month, outDirectory: out,
                                            renderer: ReportRenderer(), faults: faults)
            }
            await #expect(throws: CancellationError.self) { try await attempt.value }
            #expect(PublisherTests.read(out.appendingPathComponent("\(month.text)/index.html")) == "<p>good</p>")
            #expect(try PublisherTests.entries(out) == [month.text, "index.html"])
        }
    }

    private func withOutput(_ body: (URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(folder)
    }
}
