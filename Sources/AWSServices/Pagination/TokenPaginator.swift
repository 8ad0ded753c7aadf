/// The pages of a token-paginated listing, fetched lazily as the sequence is iterated.
/// Stops when a page has no (or an empty) next token, and throws
/// `PaginationError.repeatedToken` when the service hands back a token it already gave.
public struct TokenPaginator<Page: TokenPaginated>: AsyncSequence, Sendable {
    public typealias Element = Page

    let service: String
    let operation: String
    let firstToken: String?
    let counter: PageCounter?
    let fetch: @Sendable (_ token: String?) async throws -> Page

    /// - Parameters:
    ///   - firstToken: where to start (nil: the first page).
    ///   - counter: counts each page fetched, for billed operations.
    ///   - fetch: fetches the page for a token.
    public init(service: String, operation: String, firstToken: String? = nil, counter: PageCounter? = nil,
                fetch: @escaping @Sendable (_ token: String?) async throws -> Page) {
        self.service = service
        self.operation = operation
        self.firstToken = firstToken
        self.counter = counter
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(paginator: self, nextToken: firstToken.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The items of every page, in order.
    public var items: PaginatedItems<Page> { PaginatedItems(pages: self) }

    public struct Iterator: AsyncIteratorProtocol, Sendable {
        let paginator: TokenPaginator
        var nextToken: String?
        var seenTokens: Set<String> = []
        var pagesFetched = 0
        var finished = false

        init(paginator: TokenPaginator, nextToken: String?) {
            self.paginator = paginator
            self.nextToken = nextToken
            if let nextToken { seenTokens.insert(nextToken) }
        }

        public mutating func next() async throws -> Page? {
            guard !finished else { return nil }
            // A cancelled listing stops between pages rather than fetching on.
            try Task.checkCancellation()
            let page: Page
            do {
                page = try await paginator.fetch(nextToken)
            } catch {
                finished = true
                throw error
            }
            pagesFetched += 1
            paginator.counter?.increment()
            if let token = page.nextPageToken, !token.isEmpty {
                guard seenTokens.insert(token).inserted else {
                    finished = true
                    throw PaginationError.repeatedToken(
                        service: paginator.service, operation: paginator.operation, page: pagesFetched)
                }
                nextToken = token
            } else {
                finished = true
            }
            return page
        }
    }
}

/// The items of a token-paginated listing, one at a time, fetching pages as needed.
public struct PaginatedItems<Page: TokenPaginated>: AsyncSequence, Sendable {
    public typealias Element = Page.Item

    let pages: TokenPaginator<Page>

    public func makeAsyncIterator() -> Iterator { Iterator(pages: pages.makeAsyncIterator()) }

    /// Every item of every page, in order.
    public func collect() async throws -> [Page.Item] {
        var all: [Page.Item] = []
        for try await item in self { all.append(item) }
        return all
    }

    public struct Iterator: AsyncIteratorProtocol, Sendable {
        var pages: TokenPaginator<Page>.Iterator
        var buffer: [Page.Item] = []
        var index = 0

        public mutating func next() async throws -> Page.Item? {
            while index == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = page.pageItems
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
