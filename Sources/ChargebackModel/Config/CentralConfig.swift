/// The central account, where Amazon Quick runs and its own costs are billed.
public struct CentralConfig: Sendable, Equatable {
    /// 12 digits.
    public var accountId: String
    /// Quick's region, where QuickSight API calls go.
    public var region: String
    /// Role A (the Quick RunAsRole); when set, every BU chain goes through it.
    public var runAsRoleArn: IAMRoleARN?
    /// The Cost Explorer `SERVICE` value of Quick's own costs; nil (`auto`): found for each month
    /// with Cost Explorer's GetDimensionValues.
    public var quickServiceName: String?
    /// A role for the central Cost Explorer and QuickSight calls; base credentials when nil.
    public var costRoleArn: IAMRoleARN?

    /// The `SERVICE` value Quick's costs have long been billed under (the sandbox's sample uses it).
    public static let defaultQuickServiceName = "Amazon QuickSight"
    /// What `quick_service_name` says when the value is to be found each month.
    public static let automaticQuickServiceName = "auto"

    public init(
        accountId: String, region: String, runAsRoleArn: IAMRoleARN? = nil,
        quickServiceName: String? = CentralConfig.defaultQuickServiceName, costRoleArn: IAMRoleARN? = nil
    ) {
        self.accountId = accountId
        self.region = region
        self.runAsRoleArn = runAsRoleArn
        self.quickServiceName = quickServiceName
        self.costRoleArn = costRoleArn
    }
}
