/// The rate (calls per second) and burst AWS allows one account for one API.
public struct APIQuota: Sendable, Equatable {
    public var ratePerSecond: Double
    public var burst: Double

    public init(ratePerSecond: Double, burst: Double) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
    }

    /// AWS's published quotas where they exist. ListWorkGroups/GetWorkGroup (unpublished) share
    /// ListQueryExecutions' 5/10; QuickSight's describe/list APIs (unpublished per API) get 10/20;
    /// STS's AssumeRole family gets 100/200. Operations not listed are not limited.
    public static let awsDefaults: [String: APIQuota] = [
        "athena:ListQueryExecutions": APIQuota(ratePerSecond: 5, burst: 10),
        "athena:BatchGetQueryExecution": APIQuota(ratePerSecond: 20, burst: 40),
        "athena:GetQueryExecution": APIQuota(ratePerSecond: 100, burst: 200),
        "athena:ListWorkGroups": APIQuota(ratePerSecond: 5, burst: 10),
        "athena:GetWorkGroup": APIQuota(ratePerSecond: 5, burst: 10),
        "ce:GetCostAndUsage": APIQuota(ratePerSecond: 5, burst: 10),
        "ce:GetDimensionValues": APIQuota(ratePerSecond: 5, burst: 10),
        "quicksight:ListDataSources": APIQuota(ratePerSecond: 10, burst: 20),
        "quicksight:DescribeDataSource": APIQuota(ratePerSecond: 10, burst: 20),
        "quicksight:ListDataSets": APIQuota(ratePerSecond: 10, burst: 20),
        "quicksight:DescribeDataSet": APIQuota(ratePerSecond: 10, burst: 20),
        "sts:AssumeRole": APIQuota(ratePerSecond: 100, burst: 200),
        "sts:AssumeRoleWithWebIdentity": APIQuota(ratePerSecond: 100, burst: 200),
    ]
}
