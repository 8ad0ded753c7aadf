import Foundation

/// One business unit: a consumer account reached through its Role B.
public struct BusinessUnitConfig: Sendable, Equatable {
    /// Ids a unit cannot have: its reports are `<id>.html` and `<id>.csv` beside the month's own
    /// files of these names (index.html, summary.csv, …).
    public static let reservedIDs: Set<String> = ["index", "summary", "central", "allocations", "workgroups", "focus"]

    /// Whether `id` has the form of a unit id, `[a-z0-9-]{1,40}`: it names the unit's report files.
    /// A well-formed id may still be one of `reservedIDs`.
    public static func isWellFormedID(_ id: String) -> Bool {
        id.wholeMatch(of: /[a-z0-9-]{1,40}/) != nil
    }

    /// `[a-z0-9-]{1,40}`, unique; used in file names.
    public var id: String
    /// The display name; the id when the file gives none.
    public var name: String
    /// 12 digits; equal to the account in `roleArn`.
    public var accountId: String
    /// Role B, in the consumer account.
    public var roleArn: IAMRoleARN
    /// The `sts:ExternalId` Role B's trust policy expects (usually a Quick data source ARN).
    public var externalId: String
    /// The regions Athena is collected in; at least one.
    public var regions: [String]
    /// The workgroups to collect; nil means every workgroup in the account.
    public var workgroups: [String]?
    public var costCenter: String?
    /// Monthly budget in the configuration's currency.
    public var budget: Decimal?

    public init(
        id: String, name: String, accountId: String, roleArn: IAMRoleARN, externalId: String,
        regions: [String], workgroups: [String]? = nil, costCenter: String? = nil, budget: Decimal? = nil
    ) {
        self.id = id
        self.name = name
        self.accountId = accountId
        self.roleArn = roleArn
        self.externalId = externalId
        self.regions = regions
        self.workgroups = workgroups
        self.costCenter = costCenter
        self.budget = budget
    }
}
