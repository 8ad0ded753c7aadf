import Yams

extension ConfigDecoder {
    /// the documentation expects one consumer account per business unit. Two units may still share an
    /// account when each lists its workgroups and no (region, workgroup) is claimed twice, so
    /// every Athena query belongs to exactly one unit. Otherwise the same queries would be
    /// charged to both, so a shared account is an error. (Account-level Cost Explorer costs
    /// such as Glue and S3 cannot be split by workgroup; attribution reports that case.)
    func checkSharedAccounts(_ units: [BusinessUnitConfig], items: [Node], at path: ConfigKeyPath) -> Bool {
        var valid = true
        for (index, unit) in units.enumerated() {
            guard let earlier = units[..<index].first(where: { $0.accountId == unit.accountId }) else { continue }
            guard let conflict = sharedAccountConflict(earlier, unit) else { continue }
            let unitPath = path.appending(index: index)
            let accountNode = items[index].mapping?["account_id"] ?? items[index]
            report("account \(unit.accountId) is also business unit '\(earlier.id)'s account; \(conflict)",
                   at: accountNode, path: unitPath.appending("account_id"))
            valid = false
        }
        return valid
    }

    private func sharedAccountConflict(_ first: BusinessUnitConfig, _ second: BusinessUnitConfig) -> String? {
        guard let firstWorkgroups = first.workgroups, let secondWorkgroups = second.workgroups else {
            return "business units may share an account only when both list their workgroups explicitly and no workgroup appears in both"
        }
        let sharedRegions = Set(first.regions).intersection(second.regions)
        let sharedWorkgroups = Set(firstWorkgroups).intersection(secondWorkgroups)
        guard let region = sharedRegions.sorted().first, let workgroup = sharedWorkgroups.sorted().first else {
            return nil
        }
        return "workgroup '\(workgroup)' in \(region) is listed by both; each workgroup may belong to one business unit only"
    }
}
