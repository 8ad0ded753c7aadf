/// A paginated listing that cannot go on.
public enum PaginationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service answered page `page` with a next-page token it had already given: following
    /// it would loop forever.
    case repeatedToken(service: String, operation: String, page: Int)

    public var description: String {
        switch self {
        case let .repeatedToken(service, operation, page):
            return "\(service) \(operation): page \(page) returned a next-page token already seen earlier in this "
                + "listing; stopped instead of looping forever. The service (or the emulator behind a custom "
                + "endpoint) is paginating incorrectly; retry later or report it."
        }
    }
}
