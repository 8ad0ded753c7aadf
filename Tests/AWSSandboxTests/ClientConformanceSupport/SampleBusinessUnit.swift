import AWSSandbox

/// The business units of the sample organisation, with the ids the demo configuration names.
enum SampleBusinessUnit: String, CaseIterable, Sendable {
    case retail, invest, risk

    var accountId: String {
        switch self {
        case .retail: "222222222222"
        case .invest: "333333333333"
        case .risk: "444444444444"
        }
    }

    /// The central account's Quick data source that reaches this unit.
    var dataSourceId: String { "athena-\(rawValue)" }

    /// Role B: the role in the unit's account that QuickSight assumes after Role A.
    var roleBArn: String {
        SandboxScenarios.roleArn(account: accountId, name: SandboxScenarios.consumerRoleName)
    }

    /// The ExternalId Role B demands: the ARN of the data source that reaches it.
    var externalId: String { SandboxScenarios.dataSourceArn(dataSourceId) }
}
