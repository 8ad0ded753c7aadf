/// What one token bucket limits: one API of one service in one region. AWS counts API quotas
/// per account, per region, per API; the account is implied by the `RateLimiter` that holds the key.
public struct RateLimitKey: Sendable, Hashable, CustomStringConvertible {
    public var region: String
    /// The service's signing name ("athena", "ce", "quicksight", "sts"), as IAM actions spell it.
    public var service: String
    public var operation: String

    public init(region: String, service: String, operation: String) {
        self.region = region
        self.service = service
        self.operation = operation
    }

    /// The IAM action this key limits, e.g. "athena:ListQueryExecutions".
    public var action: String { "\(service):\(operation)" }

    public var description: String { "\(action) in \(region)" }
}
