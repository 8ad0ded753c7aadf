/// Where consumer and central costs are read from.
public enum CostSource: Sendable, Equatable {
    /// Cost Explorer `GetCostAndUsage` in each account (the default).
    case costExplorer
    /// A SQL query over a Cost and Usage Report table, for estates too large for Cost Explorer.
    case cur(CURConfig)
}

/// The Cost and Usage Report (CUR 2.0 / Data Exports) table and the Athena that queries it.
public struct CURConfig: Sendable, Equatable {
    /// The Glue database holding the CUR table.
    public var database: String
    public var table: String
    /// The Athena workgroup the query runs in.
    public var workgroup: String
    /// The region of the billing account's Athena.
    public var region: String
    /// A role in the billing account; base credentials when nil.
    public var roleArn: IAMRoleARN?
    /// An `s3://` query result location, for workgroups that do not enforce their own.
    public var outputLocation: String?

    /// Athena's built-in workgroup.
    public static let defaultWorkgroup = "primary"

    public init(database: String, table: String, workgroup: String = CURConfig.defaultWorkgroup,
                region: String, roleArn: IAMRoleARN? = nil, outputLocation: String? = nil) {
        self.database = database
        self.table = table
        self.workgroup = workgroup
        self.region = region
        self.roleArn = roleArn
        self.outputLocation = outputLocation
    }
}
