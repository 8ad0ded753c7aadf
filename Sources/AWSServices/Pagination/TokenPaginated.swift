/// An operation output that is one page of a listing continued by a token.
public protocol TokenPaginated: Sendable {
    associatedtype Item: Sendable
    /// The token for the next page; nil or empty on the last page.
    var nextPageToken: String? { get }
    /// The items of this page.
    var pageItems: [Item] { get }
}
