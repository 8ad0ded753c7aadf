import Foundation
import Yams

extension ConfigDecoder {
    /// The business units, or nil when any of them is invalid. `declaredIDs` receives every
    /// well-formed id, even of broken entries, so allocation shares are checked against them.
    func decodeBusinessUnits(_ node: Node?, at path: ConfigKeyPath, declaredIDs: inout [String]) -> [BusinessUnitConfig]? {
        guard let node else {
            report("missing required key 'business_units'; list at least one business unit", at: nil, path: path)
            return nil
        }
        guard let items = sequence(node, at: path) else { return nil }
        guard !items.isEmpty else {
            report("no business units; list at least one", at: node, path: path)
            return nil
        }
        var units: [BusinessUnitConfig] = []
        var valid = true
        var idNodes: [String: Node] = [:]
        for (index, item) in items.enumerated() {
            let unitPath = path.appending(index: index)
            let unit = decodeBusinessUnit(item, at: unitPath, declaredIDs: &declaredIDs, idNodes: &idNodes)
            if let unit { units.append(unit) } else { valid = false }
        }
        guard valid else { return nil }
        return checkSharedAccounts(units, items: items, at: path) ? units : nil
    }

    private func decodeBusinessUnit(
        _ node: Node, at path: ConfigKeyPath, declaredIDs: inout [String], idNodes: inout [String: Node]
    ) -> BusinessUnitConfig? {
        guard let mapping = mapping(node, at: path, allowedKeys: ConfigurationKeys.businessUnit) else { return nil }
        var valid = true
        let id = required("id", in: mapping, hint: "give a short id of [a-z0-9-]{1,40}, e.g. retail")
            .flatMap { businessUnitID($0, at: mapping.path("id"), idNodes: &idNodes) }
        if let id { declaredIDs.append(id) }

        let accountId = required("account_id", in: mapping, hint: "give the consumer account's 12-digit id, quoted")
            .flatMap { accountID($0, at: mapping.path("account_id")) }
        // Compare with the account only once the account id itself is readable.
        let roleArn = required("role_arn", in: mapping, hint: "give Role B's ARN in the consumer account")
            .flatMap { roleARN($0, at: mapping.path("role_arn"), accountId: accountId,
                               accountKeyPath: mapping.path("account_id").description) }
        let externalId = required("external_id", in: mapping, hint: "give the ExternalId Role B's trust policy expects (usually the Quick data source ARN)")
            .flatMap { externalID($0, at: mapping.path("external_id")) }
        let regions = businessUnitRegions(mapping)

        let name = optional("name", in: mapping, valid: &valid, text) ?? id
        let workgroups = optional("workgroups", in: mapping, valid: &valid, workgroupList)
        let costCenter = optional("cost_center", in: mapping, valid: &valid, text)
        let budget = optional("budget", in: mapping, valid: &valid, self.budget)
        guard valid, let id, let name, let accountId, let roleArn, let externalId, let regions else { return nil }
        return BusinessUnitConfig(id: id, name: name, accountId: accountId, roleArn: roleArn, externalId: externalId,
                                  regions: regions, workgroups: workgroups, costCenter: costCenter, budget: budget)
    }

    private func businessUnitID(_ node: Node, at path: ConfigKeyPath, idNodes: inout [String: Node]) -> String? {
        guard let id = text(node, at: path) else { return nil }
        guard BusinessUnitConfig.isWellFormedID(id) else {
            report("'\(id)' is not a valid business unit id; use 1 to 40 lower-case letters, digits or '-' (it is used in file names)", at: node, path: path)
            return nil
        }
        // A unit's reports are <id>.html and <id>.csv beside the month's own files.
        if BusinessUnitConfig.reservedIDs.contains(id) {
            report("'\(id)' cannot be a business unit id: the month's \(id) report files have that name; choose another, e.g. \(id)-bu",
                   at: node, path: path)
            return nil
        }
        if let first = idNodes[id] {
            let firstLine = first.mark.map { " (first used on line \($0.line))" } ?? ""
            report("duplicate business unit id '\(id)'\(firstLine); ids must be unique", at: node, path: path)
            return nil
        }
        idNodes[id] = node
        return id
    }

    /// STS accepts an ExternalId of 2–1224 characters of `[\w+=,.@:/-]`.
    private func externalID(_ node: Node, at path: ConfigKeyPath) -> String? {
        guard let value = text(node, at: path) else { return nil }
        guard (2...1224).contains(value.count) else {
            report("an ExternalId must be 2 to 1224 characters long, found \(value.count)", at: node, path: path)
            return nil
        }
        let allowed = value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "_+=,.@:/-".unicodeScalars.contains(scalar))
        }
        guard allowed else {
            report("an ExternalId may only contain letters, digits and _+=,.@:/- (STS rejects anything else)", at: node, path: path)
            return nil
        }
        return value
    }

    /// `region: r` or `regions: [r, …]`: exactly one of the two, at least one region.
    private func businessUnitRegions(_ mapping: ConfigMapping) -> [String]? {
        let single = mapping.value("region"), list = mapping.value("regions")
        switch (single, list) {
        case (let single?, nil):
            return region(single, at: mapping.path("region")).map { [$0] }
        case (nil, let list?):
            let path = mapping.path("regions")
            guard let names = textList(list, at: path, itemDescription: "region") else { return nil }
            guard !names.isEmpty else {
                report("no regions listed; list at least one, e.g. [us-east-1]", at: list, path: path)
                return nil
            }
            let regions = zip(names, sequence(list, at: path) ?? []).compactMap { name, item in
                AWSRegionFormat.isValid(name) ? name : region(item, at: path)
            }
            return regions.count == names.count ? regions : nil
        case (_?, let list?):
            report("give either 'region' or 'regions', not both", at: list, path: mapping.path("regions"))
            return nil
        case (nil, nil):
            report("missing required key 'region'; give the region Athena is collected in, or 'regions: [..]' for several",
                   at: mapping.node, path: mapping.path("region"))
            return nil
        }
    }

    private func workgroupList(_ node: Node, at path: ConfigKeyPath) -> [String]? {
        guard let names = textList(node, at: path, itemDescription: "workgroup") else { return nil }
        guard !names.isEmpty else {
            report("no workgroups listed; remove 'workgroups' to collect every workgroup in the account", at: node, path: path)
            return nil
        }
        let items = sequence(node, at: path) ?? []
        var valid = true
        for (index, (name, item)) in zip(names, items).enumerated()
        where name.wholeMatch(of: /[a-zA-Z0-9._-]{1,128}/) == nil {
            report("'\(name)' is not an Athena workgroup name (1 to 128 letters, digits, '.', '_' or '-')", at: item, path: path.appending(index: index))
            valid = false
        }
        return valid ? names : nil
    }

    private func budget(_ node: Node, at path: ConfigKeyPath) -> Decimal? {
        guard let value = decimal(node, at: path, what: "a budget amount") else { return nil }
        guard value >= 0 else {
            report("a budget cannot be negative, found \(value)", at: node, path: path)
            return nil
        }
        return value
    }
}
