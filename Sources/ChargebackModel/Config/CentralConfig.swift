/// The central account, where Amazon Quick runs and its own costs are billed.
public struct CentralConfig: Sendable, Equatable {
    /// 12 digits.
    public var accountId: String
    /// Quick's region, where QuickSight API calls go.
    public var region: String
    /// Role A (the Quick RunAsRole); when set, every BU chain goes through it.
    public var runAsRoleArn: IAMRoleARN?
    /// The Cost Explorer `SERVICE` value of Quick's own costs.
    public var quickServiceName: String
    /// A role for the central Cost Explorer and QuickSight calls; base credentials when nil.
    public var costRoleArn: IAMRoleARN?

    /// Cost Explorer's name for Quick when the configuration does not give one.
    public static let defaultQuickServiceName = "Amazon QuickSight"

    public init(
        accountId: String, region: String, runAsRoleArn: IAMRoleARN? = nil,
        quickServiceName: String = CentralConfig.defaultQuickServiceName, costRoleArn: IAMRoleARN? = nil
    ) {
        self.accountId = accountId
        self.region = region
        self.runAsRoleArn = runAsRoleArn
        self.quickServiceName = quickServiceName
        self.costRoleArn = costRoleArn
    }
}
