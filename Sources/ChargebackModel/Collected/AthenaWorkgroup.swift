import Foundation

/// A workgroup and the settings AWS's guidance for cross-account Quick access asks for:
/// a per-query scan limit and encrypted results.
public struct AthenaWorkgroup: Sendable, Equatable, Codable {
    public var accountId: String
    public var region: String
    public var name: String
    /// `ENABLED` or `DISABLED`.
    public var state: String?
    /// The per-query scan limit in bytes; nil when there is none.
    public var bytesScannedCutoffPerQuery: Int64?
    /// Whether the workgroup's settings override the client's.
    public var enforceConfiguration: Bool?
    /// `SSE_S3`, `SSE_KMS`, `CSE_KMS`; nil when results are not encrypted.
    public var resultEncryption: String?
    public var engineVersion: String?

    public init(accountId: String, region: String, name: String, state: String? = nil,
                bytesScannedCutoffPerQuery: Int64? = nil, enforceConfiguration: Bool? = nil,
                resultEncryption: String? = nil, engineVersion: String? = nil) {
        self.accountId = accountId
        self.region = region
        self.name = name
        self.state = state
        self.bytesScannedCutoffPerQuery = bytesScannedCutoffPerQuery
        self.enforceConfiguration = enforceConfiguration
        self.resultEncryption = resultEncryption
        self.engineVersion = engineVersion
    }
}
