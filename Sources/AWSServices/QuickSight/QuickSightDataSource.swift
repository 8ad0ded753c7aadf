import Foundation

/// A QuickSight data source. Only Athena's parameters are read; other kinds decode with
/// `dataSourceParameters?.athenaParameters` nil.
public struct QuickSightDataSource: Sendable, Equatable, Decodable {
    public var arn: String?
    public var dataSourceId: String?
    public var name: String?
    /// "ATHENA", "S3", "REDSHIFT", … (kept as text: the list grows often).
    public var type: String?
    /// "CREATION_SUCCESSFUL", "UPDATE_FAILED", …
    public var status: String?
    public var createdTime: Date?
    public var lastUpdatedTime: Date?
    public var dataSourceParameters: QuickSightDataSourceParameters?

    public init(arn: String? = nil, dataSourceId: String? = nil, name: String? = nil, type: String? = nil,
                status: String? = nil, createdTime: Date? = nil, lastUpdatedTime: Date? = nil,
                dataSourceParameters: QuickSightDataSourceParameters? = nil) {
        self.arn = arn
        self.dataSourceId = dataSourceId
        self.name = name
        self.type = type
        self.status = status
        self.createdTime = createdTime
        self.lastUpdatedTime = lastUpdatedTime
        self.dataSourceParameters = dataSourceParameters
    }

    enum CodingKeys: String, CodingKey {
        case arn = "Arn", dataSourceId = "DataSourceId", name = "Name", type = "Type", status = "Status"
        case createdTime = "CreatedTime", lastUpdatedTime = "LastUpdatedTime"
        case dataSourceParameters = "DataSourceParameters"
    }
}

/// `DataSourceParameters`: a union of which only Athena matters here.
public struct QuickSightDataSourceParameters: Sendable, Equatable, Decodable {
    public var athenaParameters: QuickSightAthenaParameters?

    public init(athenaParameters: QuickSightAthenaParameters? = nil) {
        self.athenaParameters = athenaParameters
    }

    enum CodingKeys: String, CodingKey {
        case athenaParameters = "AthenaParameters"
    }
}

public struct QuickSightAthenaParameters: Sendable, Equatable, Decodable {
    public var workGroup: String?
    /// The role QuickSight assumes instead of its account-wide role.
    public var roleArn: String?
    /// The role, in the account that owns the Athena workgroup, assumed after `roleArn`
    /// (cross-account Athena): it identifies the consumer account.
    public var consumerAccountRoleArn: String?
    public var identityCenterConfiguration: QuickSightIdentityCenterConfiguration?

    public init(workGroup: String? = nil, roleArn: String? = nil, consumerAccountRoleArn: String? = nil,
                identityCenterConfiguration: QuickSightIdentityCenterConfiguration? = nil) {
        self.workGroup = workGroup
        self.roleArn = roleArn
        self.consumerAccountRoleArn = consumerAccountRoleArn
        self.identityCenterConfiguration = identityCenterConfiguration
    }

    enum CodingKeys: String, CodingKey {
        case workGroup = "WorkGroup", roleArn = "RoleArn", consumerAccountRoleArn = "ConsumerAccountRoleArn"
        case identityCenterConfiguration = "IdentityCenterConfiguration"
    }
}

public struct QuickSightIdentityCenterConfiguration: Sendable, Equatable, Decodable {
    public var enableIdentityPropagation: Bool?

    public init(enableIdentityPropagation: Bool? = nil) {
        self.enableIdentityPropagation = enableIdentityPropagation
    }

    enum CodingKeys: String, CodingKey {
        case enableIdentityPropagation = "EnableIdentityPropagation"
    }
}
