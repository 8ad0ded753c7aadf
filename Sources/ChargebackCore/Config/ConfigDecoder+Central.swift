import Yams

extension ConfigDecoder {
    static let centralKeys = ["account_id", "region", "run_as_role_arn", "quick_service_name", "cost_role_arn"]

    func decodeCentral(_ node: Node, at path: ConfigKeyPath) -> CentralConfig? {
        guard let mapping = mapping(node, at: path, allowedKeys: Self.centralKeys) else { return nil }
        let accountId = required("account_id", in: mapping, hint: "give the central (Quick) account's 12-digit id, quoted")
            .flatMap { accountID($0, at: mapping.path("account_id")) }
        let region = required("region", in: mapping, hint: "give Quick's region, e.g. us-east-1")
            .flatMap { self.region($0, at: mapping.path("region")) }
        let accountKeyPath = mapping.path("account_id").description
        // An unreadable account id is already reported; the role's own shape is still checked.
        var roleProblem = false
        func role(_ key: String) -> IAMRoleARN? {
            guard let value = mapping.value(key) else { return nil }
            let arn = roleARN(value, at: mapping.path(key), accountId: accountId, accountKeyPath: accountKeyPath)
            if arn == nil { roleProblem = true }
            return arn
        }
        let runAsRole = role("run_as_role_arn")
        let costRole = role("cost_role_arn")
        var serviceName: String? = CentralConfig.defaultQuickServiceName
        if let value = mapping.value("quick_service_name") {
            serviceName = text(value, at: mapping.path("quick_service_name"))
        }
        guard let accountId, let region, let serviceName, !roleProblem else { return nil }
        return CentralConfig(accountId: accountId, region: region, runAsRoleArn: runAsRole,
                             quickServiceName: serviceName, costRoleArn: costRole)
    }
}
