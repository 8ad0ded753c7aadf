import Foundation

/// Built-in scenarios: the demo organisation (`--sample`) and generated large ones (`--synthetic`).
public enum SandboxScenarios {
    /// The access key of the central account's IAM user "reporter" in both built-in scenarios.
    public static let sampleReporterAccessKeyId = "AKIASANDBOXREPORTER1"
    /// Its secret: a fixed, public demo value that only the local sandbox accepts.
    public static let sampleReporterSecretAccessKey = "sandboxReporterSecretKeyNotForRealAWS001"

    public static let centralAccountId = "111111111111"
    public static let runAsRoleName = "qs-athena-cross-account-role-a"
    public static let consumerRoleName = "qs-athena-consumer-role"
    /// The region of the central account's Quick and of the BU data sources.
    public static let quickRegion = "us-east-1"

    /// The CI's reporter role: taken with an OIDC token (AssumeRoleWithWebIdentity), as a scheduled
    /// job on GitHub Actions or GitLab CI does; it goes on through Role A like the IAM user.
    public static let ciReporterRoleName = "chargeback-ci-reporter"
    /// The OIDC providers it trusts; the sandbox accepts any token for them.
    public static let ciIdentityProviders = ["token.actions.githubusercontent.com", "gitlab.com"]

    public static var runAsRoleArn: String { roleArn(account: centralAccountId, name: runAsRoleName) }

    public static func roleArn(account: String, name: String) -> String { "arn:aws:iam::\(account):role/\(name)" }

    /// The ExternalId Role B demands: the ARN of the Quick data source that reaches it.
    public static func dataSourceArn(_ id: String) -> String {
        "arn:aws:quicksight:\(quickRegion):\(centralAccountId):datasource/\(id)"
    }

    static let consumerActions = ["athena:*", "glue:*", "s3:*", "ce:GetCostAndUsage", "sts:GetCallerIdentity"]

    static func reporterUser() -> ScenarioUser {
        ScenarioUser(name: "reporter", accessKeyId: sampleReporterAccessKeyId, secretAccessKey: sampleReporterSecretAccessKey)
    }

    static func runAsRole(mayAssume: [String]) -> ScenarioRole {
        ScenarioRole(name: runAsRoleName, trustedPrincipals: ["arn:aws:iam::\(centralAccountId):root"],
                     mayAssume: mayAssume, allowedActions: ["sts:AssumeRole"])
    }

    /// The reporter's permissions when it goes through Role A (docs/iam/reporter-via-role-a.json)
    /// plus the central Cost Explorer and QuickSight calls (docs/iam/central-costs.json).
    static func ciReporterRole() -> ScenarioRole {
        ScenarioRole(name: ciReporterRoleName,
                     trustedPrincipals: ciIdentityProviders.map { "arn:aws:iam::\(centralAccountId):oidc-provider/\($0)" },
                     mayAssume: [runAsRoleArn],
                     allowedActions: ["sts:AssumeRole", "sts:GetCallerIdentity", "ce:GetCostAndUsage", "ce:GetDimensionValues",
                                      "quicksight:ListDataSources", "quicksight:DescribeDataSource",
                                      "quicksight:ListDataSets", "quicksight:DescribeDataSet"])
    }

    static func consumerRole(dataSourceId: String) -> ScenarioRole {
        ScenarioRole(name: consumerRoleName, trustedPrincipals: ["arn:aws:iam::\(centralAccountId):root"],
                     externalIdEquals: [dataSourceArn(dataSourceId)], allowedActions: consumerActions)
    }

    static func athenaDataSource(id: String, name: String, consumerAccount: String, workgroup: String = "bi") -> ScenarioQuickDataSource {
        ScenarioQuickDataSource(id: id, name: name, type: "ATHENA", region: quickRegion, workgroup: workgroup,
                                roleArn: runAsRoleArn,
                                consumerAccountRoleArn: roleArn(account: consumerAccount, name: consumerRoleName))
    }
}
