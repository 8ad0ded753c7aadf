import Foundation

/// A Quick (QuickSight) data source of the central account; for Athena sources, the role chain
/// Quick takes into the consumer account.
public struct QuickDataSource: Sendable, Equatable, Codable {
    public var id: String
    public var arn: String
    public var name: String?
    /// `ATHENA`, `S3`, …
    public var type: String?
    /// The Athena workgroup the source queries.
    public var workgroup: String?
    /// Role A, when the source chains through it.
    public var roleArn: String?
    /// Role B in the consumer account: how a data set's bytes are mapped to a business unit.
    public var consumerAccountRoleArn: String?

    public init(id: String, arn: String, name: String? = nil, type: String? = nil, workgroup: String? = nil,
                roleArn: String? = nil, consumerAccountRoleArn: String? = nil) {
        self.id = id
        self.arn = arn
        self.name = name
        self.type = type
        self.workgroup = workgroup
        self.roleArn = roleArn
        self.consumerAccountRoleArn = consumerAccountRoleArn
    }
}

/// A Quick data set and its SPICE footprint.
public struct QuickDataSet: Sendable, Equatable, Codable {
    public var id: String
    public var arn: String?
    public var name: String?
    /// `SPICE` or `DIRECT_QUERY`.
    public var importMode: String?
    /// SPICE bytes used; 0 for direct-query data sets.
    public var spiceBytes: Int64
    /// The data sources its physical tables read, sorted.
    public var dataSourceArns: [String]

    public init(id: String, arn: String? = nil, name: String? = nil, importMode: String? = nil, spiceBytes: Int64,
                dataSourceArns: [String]) {
        self.id = id
        self.arn = arn
        self.name = name
        self.importMode = importMode
        self.spiceBytes = spiceBytes
        self.dataSourceArns = dataSourceArns
    }
}
