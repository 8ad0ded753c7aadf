import Foundation

/// Wraps a provider of expiring credentials: serves the cached credentials until they come within
/// the refresh windows of their expiry, and lets only one refresh run at a time (concurrent callers
/// await the same one). Inside the advisory window a failed refresh falls back to the cached
/// credentials; inside the mandatory window the refresh must succeed. Credentials without an
/// expiration are cached for good.
public actor CachingCredentialProvider: RefreshableCredentialProvider {
    public nonisolated let name: String
    public nonisolated let base: any CredentialProvider
    /// Seconds before expiry from which a refresh is attempted (botocore: 15 minutes).
    public nonisolated let advisoryWindow: TimeInterval
    /// Seconds before expiry from which cached credentials are no longer served (botocore: 10 minutes).
    public nonisolated let mandatoryWindow: TimeInterval
    private let now: @Sendable () -> Date
    private var cached: AWSCredentials?
    private var refreshing: Task<AWSCredentials, any Error>?

    /// The default windows suit one-hour role sessions: a refresh after 45 minutes, and cached
    /// credentials are never used in their last 10 minutes.
    public init(wrapping base: any CredentialProvider, advisoryWindow: TimeInterval = 15 * 60,
                mandatoryWindow: TimeInterval = 10 * 60, now: @escaping @Sendable () -> Date = { Date() }) {
        precondition(advisoryWindow >= mandatoryWindow && mandatoryWindow >= 0,
                     "the advisory refresh window must be at least as long as the mandatory one")
        self.base = base
        self.name = base.name
        self.advisoryWindow = advisoryWindow
        self.mandatoryWindow = mandatoryWindow
        self.now = now
    }

    public func credentials() async throws -> AWSCredentials {
        if let cached, !cached.expires(within: advisoryWindow, of: now()) { return cached }
        do {
            return try await refresh()
        } catch {
            // Advisory window: the old credentials still have a safe margin, so a failed refresh can wait.
            if let cached, !cached.expires(within: mandatoryWindow, of: now()) { return cached }
            throw error
        }
    }

    /// Drops the cached credentials; the next call fetches new ones.
    public func invalidate() {
        cached = nil
    }

    private func refresh() async throws -> AWSCredentials {
        if let refreshing { return try await refreshing.value }
        let task = Task { [base, now, name] in
            let fresh = try await base.credentials()
            if let expiration = fresh.expiration, expiration <= now() {
                throw CredentialProviderError(
                    provider: name,
                    message: "returned credentials that expired at \(AWSTimestamp.iso8601(expiration)); check the system clock and the credential source")
            }
            return fresh
        }
        refreshing = task
        defer { refreshing = nil }
        let fresh = try await task.value
        cached = fresh
        return fresh
    }
}
