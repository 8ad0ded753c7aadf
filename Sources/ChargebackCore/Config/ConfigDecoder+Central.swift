import Yams

extension ConfigDecoder {
    func decodeCentral(_ node: Node, at path: ConfigKeyPath) -> CentralConfig? {
        guard let mapping = mapping(node, at: path, allowedKeys: ConfigurationKeys.central) else { return nil }
        let accountId = required("account_id", in: mapping, hint: "give the central (Quick) account's 12-digit id, quoted")
            .flatMap { accountID($0, at: mapping.path("account_id")) }
        let region = required("region", in: mapping, hint: "give Quick's region, e.g. us-east-1")
            .flatMap { self.region($0, at: mapping.path("region")) }
        let accountKeyPath = mapping.path("account_id").description
        var valid = true
        // An unreadable account id is already reported; the role's own shape is still checked.
        func role(_ node: Node, at path: ConfigKeyPath) -> IAMRoleARN? {
            roleARN(node, at: path, accountId: accountId, accountKeyPath: accountKeyPath)
        }
        let runAsRole = optional("run_as_role_arn", in: mapping, valid: &valid, role)
        let costRole = optional("cost_role_arn", in: mapping, valid: &valid, role)
        // Absent or `auto`: the value is found each month (nil).
        let serviceName = optional("quick_service_name", in: mapping, valid: &valid, quickServiceName)
            .flatMap { $0 == CentralConfig.automaticQuickServiceName ? nil : $0 }
        guard valid, let accountId, let region else { return nil }
        return CentralConfig(accountId: accountId, region: region, runAsRoleArn: runAsRole,
                             quickServiceName: serviceName, costRoleArn: costRole)
    }

    /// A Cost Explorer SERVICE value, or `auto`; never blank (it would match no cost at all).
    private func quickServiceName(_ node: Node, at path: ConfigKeyPath) -> String? {
        guard let name = text(node, at: path) else { return nil }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            report("give Quick's Cost Explorer SERVICE value (e.g. Amazon QuickSight), or auto to find it each month", at: node, path: path)
            return nil
        }
        return name
    }
}
