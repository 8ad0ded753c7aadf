import AWSCore
import AWSServices
import ChargebackTestSupport
import Foundation
import Synchronization
import Testing
@testable import ChargebackCore

/// A unit gives its listing slot back as soon as every workgroup's listing is over, once.
@Suite(.timeLimit(.minutes(1)))
struct ListingSlotTests {
    @Test func theSlotGoesBackAfterTheLastListingOnlyOnce() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let slot = ListingSlot(semaphore, listings: 2)
        slot.listingEnded()
        #expect(semaphore.availablePermits == 0)
        slot.listingEnded()
        #expect(semaphore.availablePermits == 1)
        slot.release()
        slot.listingEnded()
        #expect(semaphore.availablePermits == 1)
    }

    @Test func aUnitWithNoWorkgroupGivesItBackAtOnce() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        _ = ListingSlot(semaphore, listings: 0)
        #expect(semaphore.availablePermits == 1)
    }

    @Test func aUnitThatStopsEarlyGivesItBackOnRelease() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let slot = ListingSlot(semaphore, listings: 3)
        slot.listingEnded()
        slot.release()
        slot.release()
        #expect(semaphore.availablePermits == 1)
    }

    /// Two list pages, each with its details: the listing's end is heard once, when the last page
    /// has come and before its details are asked for.
    @Test func theHistoryCollectorSaysWhenItsListingIsOver() async throws {
        let events = Mutex<[String]>([])
        let ids = (0..<4).map { String(format: "00000000-0000-4000-8000-%012d", $0) }
        let http = StubHTTPClient { request, _ in
            let target = request.headers["X-Amz-Target"] ?? ""
            let body = String(decoding: request.body, as: UTF8.self)
            if target.hasSuffix("ListQueryExecutions") {
                let first = !body.contains("NextToken")
                events.withLock { $0.append(first ? "list 1" : "list 2") }
                let page = first ? #"{"QueryExecutionIds":["\#(ids[0])","\#(ids[1])"],"NextToken":"t"}"#
                                 : #"{"QueryExecutionIds":["\#(ids[2])","\#(ids[3])"]}"#
                return HTTPResponse(status: 200, body: Data(page.utf8))
            }
            let which = body.contains(ids[0]) ? "details 1" : "details 2"
            events.withLock { $0.append(which) }
            let wanted = ids.filter { body.contains($0) }
            let executions = wanted.enumerated().map { index, id in
                #"{"QueryExecutionId":"\#(id)","WorkGroup":"primary","StatementType":"DML","#
                    + #""Status":{"State":"SUCCEEDED","SubmissionDateTime":\#(1_780_000_000 - index)},"#
                    + #""Statistics":{"DataScannedInBytes":1}}"#
            }
            return HTTPResponse(status: 200, body: Data(#"{"QueryExecutions":[\#(executions.joined(separator: ","))]}"#.utf8))
        }
        let client = AWSClient(http: http, credentialProvider: StaticCredentialProvider(
            AWSCredentials(accessKeyId: "AKIAEXAMPLE000000001", secretAccessKey: "example")), region: "us-east-1")
        var collector = AthenaHistoryCollector(
            athena: AthenaClient(client: client), accountId: "222222222222", region: "us-east-1", workgroup: "primary",
            windowStart: Date(timeIntervalSince1970: 1_700_000_000), windowEnd: nil,
            now: Date(timeIntervalSince1970: 1_780_000_100), known: [:], previousCoverage: nil,
            includeQueryText: false, onFetched: { _ in })
        collector.onListingEnd = { events.withLock { $0.append("listing over") } }

        let result = try await collector.collect()

        #expect(result.executions.count == 4)
        let log = events.withLock { $0 }
        #expect(log.filter { $0 == "listing over" }.count == 1)
        let over = try #require(log.firstIndex(of: "listing over"))
        #expect(try over > #require(log.firstIndex(of: "list 2")))
        #expect(try over < #require(log.firstIndex(of: "details 2")), "\(log)")
    }
}
