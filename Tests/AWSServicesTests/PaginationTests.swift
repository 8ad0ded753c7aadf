import ChargebackTestSupport
import AWSCore
import AWSServices
import Foundation
import Synchronization
import Testing

/// A page for exercising `TokenPaginator` on its own.
private struct NumberPage: TokenPaginated, Equatable {
    var numbers: [Int]
    var next: String?

    var nextPageToken: String? { next }
    var pageItems: [Int] { numbers }
}

/// Serves pages keyed by the token asked for, recording the tokens.
private final class PageSource: Sendable {
    private let pages: [String: NumberPage]
    private let asked = Mutex<[String?]>([])

    /// `pages[""]` is the first page.
    init(_ pages: [String: NumberPage]) { self.pages = pages }

    var tokensAsked: [String?] { asked.withLock { $0 } }

    /// A paginator that fails to stop would fetch forever; past this many pages the source
    /// refuses, so such a bug fails the test at once instead of hanging it.
    static let runawayLimit = 50

    func fetch(_ token: String?) throws -> NumberPage {
        let count = asked.withLock { asked -> Int in
            asked.append(token)
            return asked.count
        }
        guard count <= Self.runawayLimit else {
            throw RunawayPagination(pages: count)
        }
        guard let page = pages[token ?? ""] else {
            throw HTTPClientError(kind: .other, host: "test", detail: "no page for \(token ?? "nil")")
        }
        return page
    }

    func paginator(firstToken: String? = nil, counter: PageCounter? = nil) -> TokenPaginator<NumberPage> {
        TokenPaginator(service: "Test", operation: "ListNumbers", firstToken: firstToken, counter: counter) { token in
            try self.fetch(token)
        }
    }
}

/// The paginator kept asking for pages after `runawayLimit`: it would have looped forever.
private struct RunawayPagination: Error, CustomStringConvertible {
    var pages: Int
    var description: String { "the paginator asked for \(pages) pages without stopping: a token loop went unnoticed" }
}

@Suite(.timeLimit(.minutes(1))) struct TokenPaginatorTests {
    @Test func followsTokensAcrossThreePagesAndStopsWhenTheTokenIsMissing() async throws {
        let source = PageSource([
            "": NumberPage(numbers: [1, 2], next: "t2"),
            "t2": NumberPage(numbers: [3], next: "t3"),
            "t3": NumberPage(numbers: [4, 5], next: nil),
        ])
        let counter = PageCounter()

        var pages: [NumberPage] = []
        for try await page in source.paginator(counter: counter) { pages.append(page) }

        #expect(pages.map(\.numbers) == [[1, 2], [3], [4, 5]])
        #expect(source.tokensAsked == [nil, "t2", "t3"])
        #expect(counter.count == 3)
    }

    @Test func anEmptyTokenEndsTheListing() async throws {
        let source = PageSource(["": NumberPage(numbers: [1], next: "t2"), "t2": NumberPage(numbers: [2], next: "")])

        let numbers = try await source.paginator().items.collect()

        #expect(numbers == [1, 2])
        #expect(source.tokensAsked == [nil, "t2"])
    }

    @Test func itemsFlattenPagesIncludingEmptyOnes() async throws {
        let source = PageSource([
            "": NumberPage(numbers: [], next: "t2"),
            "t2": NumberPage(numbers: [7, 8], next: "t3"),
            "t3": NumberPage(numbers: [], next: "t4"),
            "t4": NumberPage(numbers: [9], next: nil),
        ])

        #expect(try await source.paginator().items.collect() == [7, 8, 9])
    }

    @Test func startsFromTheGivenToken() async throws {
        let source = PageSource(["t3": NumberPage(numbers: [4, 5], next: nil)])

        #expect(try await source.paginator(firstToken: "t3").items.collect() == [4, 5])
        #expect(source.tokensAsked == ["t3"])
    }

    @Test func aTokenRepeatedByTheNextPageIsDetected() async throws {
        let source = PageSource(["": NumberPage(numbers: [1], next: "t2"), "t2": NumberPage(numbers: [2], next: "t2")])

        var received: [Int] = []
        let error = await #expect(throws: PaginationError.self) {
            for try await number in source.paginator().items { received.append(number) }
        }

        #expect(error == .repeatedToken(service: "Test", operation: "ListNumbers", page: 2))
        #expect(received == [1])
        #expect(source.tokensAsked == [nil, "t2"])
        #expect(error.map { "\($0)" }?.contains("ListNumbers") == true)
    }

    @Test func aTokenCyclingBackToAnEarlierOneIsDetected() async throws {
        let source = PageSource([
            "": NumberPage(numbers: [1], next: "a"),
            "a": NumberPage(numbers: [2], next: "b"),
            "b": NumberPage(numbers: [3], next: "a"),
        ])

        let error = await #expect(throws: PaginationError.self) {
            _ = try await source.paginator().items.collect()
        }

        #expect(error == .repeatedToken(service: "Test", operation: "ListNumbers", page: 3))
        #expect(source.tokensAsked == [nil, "a", "b"])
    }

    @Test func aServiceHandingBackTheStartingTokenIsDetected() async throws {
        let source = PageSource(["start": NumberPage(numbers: [1], next: "start")])

        var received: [Int] = []
        let error = await #expect(throws: PaginationError.self) {
            for try await number in source.paginator(firstToken: "start").items { received.append(number) }
        }

        #expect(error == .repeatedToken(service: "Test", operation: "ListNumbers", page: 1))
        // The page that repeats a token is refused whole, as on any later page.
        #expect(received == [])
        #expect(source.tokensAsked == ["start"])
    }

    @Test func aTokenCyclingBackToTheStartingTokenIsDetected() async throws {
        let source = PageSource([
            "start": NumberPage(numbers: [1], next: "b"),
            "b": NumberPage(numbers: [2], next: "c"),
            "c": NumberPage(numbers: [3], next: "start"),
        ])

        let error = await #expect(throws: PaginationError.self) {
            _ = try await source.paginator(firstToken: "start").items.collect()
        }

        #expect(error == .repeatedToken(service: "Test", operation: "ListNumbers", page: 3))
        #expect(source.tokensAsked == ["start", "b", "c"])
    }

    /// Every token of the listing is remembered, not just the last few: a long cycle is caught
    /// on the page that closes it.
    @Test func aLongCycleIsDetectedOnThePageThatClosesIt() async throws {
        var pages = ["": NumberPage(numbers: [0], next: "t1")]
        for index in 1...20 { pages["t\(index)"] = NumberPage(numbers: [index], next: index == 20 ? "t2" : "t\(index + 1)") }
        let source = PageSource(pages)

        let error = await #expect(throws: PaginationError.self) {
            _ = try await source.paginator().items.collect()
        }

        #expect(error == .repeatedToken(service: "Test", operation: "ListNumbers", page: 21))
        #expect(source.tokensAsked.count == 21)
    }

    @Test func aFailedPageEndsTheIteration() async throws {
        let source = PageSource(["": NumberPage(numbers: [1], next: "missing")])
        var iterator = source.paginator().makeAsyncIterator()

        #expect(try await iterator.next()?.numbers == [1])
        await #expect(throws: HTTPClientError.self) { _ = try await iterator.next() }
        #expect(try await iterator.next() == nil)
        #expect(source.tokensAsked == [nil, "missing"])
    }
}

@Suite(.timeLimit(.minutes(1))) struct ServicePaginatorTests {
    @Test func listQueryExecutionsPagesFollowNextTokenAcrossThreePages() async throws {
        let http = StubHTTPClient(responses: try (1...3).map {
            .json(try Fixture.data("athena/list-query-executions-page\($0).json"))
        })
        let athena = AthenaClient(client: TestClients.aws(http))

        let ids = try await athena.listQueryExecutionsPages(workGroup: "finance-adhoc", maxResults: 50).items.collect()

        #expect(ids == (1...5).map { "a1b2c3d4-0001-4000-8000-00000000000\($0)" })
        let bodies = try http.requests.map { try $0.jsonBody() }
        #expect(bodies.map { $0["NextToken"] as? String } == [nil, "qe-token-2", "qe-token-3"])
        #expect(bodies.allSatisfy { $0["WorkGroup"] as? String == "finance-adhoc" && $0["MaxResults"] as? Int == 50 })
    }

    @Test func listWorkGroupsPagesStopOnTheLastPage() async throws {
        let last = Data(#"{"WorkGroups":[{"Name":"etl","State":"ENABLED"}]}"#.utf8)
        let http = StubHTTPClient(responses: [.json(try Fixture.data("athena/list-work-groups.json")), .json(last)])
        let athena = AthenaClient(client: TestClients.aws(http))

        let names = try await athena.listWorkGroupsPages().items.collect().map(\.name)

        #expect(names == ["primary", "finance-adhoc", "etl"])
        #expect(try http.requests.map { try $0.jsonBody()["NextToken"] as? String } == [nil, "wg-token-2"])
    }

    @Test func getCostAndUsagePagesFollowNextPageTokenAndCountEveryPage() async throws {
        let http = StubHTTPClient(responses: try (1...3).map {
            .json(try Fixture.data("costexplorer/get-cost-and-usage-page\($0).json"))
        })
        let costExplorer = CostExplorerClient(client: TestClients.aws(http))
        let counter = PageCounter()
        let input = GetCostAndUsageInput(
            timePeriod: CostDateInterval(start: "2026-05-01", end: "2026-06-01"), granularity: .monthly,
            metrics: ["UnblendedCost"], groupBy: [.dimension("SERVICE"), .dimension("USAGE_TYPE")])

        var pages: [GetCostAndUsageOutput] = []
        for try await page in costExplorer.getCostAndUsagePages(input, counter: counter) { pages.append(page) }

        #expect(pages.count == 3)
        #expect(counter.count == 3)
        let bodies = try http.requests.map { try $0.jsonBody() }
        #expect(bodies.map { $0["NextPageToken"] as? String } == [nil, "ce-page-2", "ce-page-3"])
        #expect(bodies.allSatisfy { ($0["GroupBy"] as? [Any])?.count == 2 })
        let usageTypes = pages.flatMap { $0.resultsByTime.flatMap { $0.groups.map { $0.keys[1] } } }
        #expect(usageTypes == [
            "EUW1-DataScannedInTB", "EUW1-Crawler-DPU-Hour", "EUW1-Requests-Tier1", "EUW1-TimedStorage-ByteHrs",
        ])
        #expect(pages.last?.dimensionValueAttributes.first?.attributes == ["description": "bu-alpha"])
    }

    @Test func getCostAndUsagePagesCountThePagesFetchedBeforeAnError() async throws {
        let denied = HTTPResponse.json(Data(#"{"__type":"AccessDeniedException","Message":"no"}"#.utf8), status: 400)
        let http = StubHTTPClient(responses: [.json(try Fixture.data("costexplorer/get-cost-and-usage-page1.json")), denied])
        let costExplorer = CostExplorerClient(client: TestClients.aws(http))
        let counter = PageCounter()
        let input = GetCostAndUsageInput(timePeriod: CostDateInterval(start: "2026-05-01", end: "2026-06-01"),
                                         granularity: .monthly, metrics: ["UnblendedCost"])

        await #expect(throws: AWSServiceError.self) {
            for try await _ in costExplorer.getCostAndUsagePages(input, counter: counter) {}
        }
        #expect(counter.count == 1)
    }

    @Test func listDataSourcesPagesDetectARepeatedToken() async throws {
        // A buggy server that answers every page with the same NextToken.
        let http = StubHTTPClient(.json(try Fixture.data("quicksight/list-data-sources.json")))
        let quickSight = QuickSightClient(client: TestClients.aws(http))

        let error = await #expect(throws: PaginationError.self) {
            _ = try await quickSight.listDataSourcesPages(accountId: "999988887777", maxResults: 100).items.collect()
        }

        #expect(error == .repeatedToken(service: "QuickSight", operation: "ListDataSources", page: 2))
        #expect(http.requests.map { $0.queryItems()["next-token"] } == [nil, "ds-token-2"])
    }

    @Test func listDataSetsPagesFollowNextToken() async throws {
        let first = Data(#"{"Status":200,"DataSetSummaries":[{"DataSetId":"a","ImportMode":"SPICE"}],"NextToken":"n2"}"#.utf8)
        let http = StubHTTPClient(responses: [.json(first), .json(try Fixture.data("quicksight/list-data-sets.json"))])
        let quickSight = QuickSightClient(client: TestClients.aws(http))

        let ids = try await quickSight.listDataSetsPages(accountId: "999988887777").items.collect().map(\.dataSetId)

        #expect(ids == ["a", "sales-spice", "live-orders"])
        #expect(http.requests.map { $0.queryItems()["next-token"] } == [nil, "n2"])
    }
}
