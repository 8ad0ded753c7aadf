import Yams

extension ConfigDecoder {
    private enum SourceName: String, CaseIterable {
        case costExplorer = "cost_explorer"
        case cur
    }

    /// `cost_source` and the `cur` block it needs; `cur` without `cost_source: cur` is an error
    /// because the block would be silently ignored.
    func decodeCostSource(_ sourceNode: Node?, sourcePath: ConfigKeyPath, cur curNode: Node?, curPath: ConfigKeyPath,
                          root: Node) -> CostSource? {
        var source = SourceName.costExplorer
        if let sourceNode {
            guard let chosen = choice(sourceNode, at: sourcePath, what: "cost source", as: SourceName.self) else { return nil }
            source = chosen
        }
        switch (source, curNode) {
        case (.costExplorer, nil):
            return .costExplorer
        case (.costExplorer, let curNode?):
            report("a 'cur' block is only read with 'cost_source: cur'; add that line or remove the block", at: curNode, path: curPath)
            return nil
        case (.cur, nil):
            report("'cost_source: cur' needs a 'cur' block with database, table and region of the Cost and Usage Report table",
                   at: sourceNode ?? root, path: curPath)
            return nil
        case (.cur, let curNode?):
            return decodeCUR(curNode, at: curPath).map(CostSource.cur)
        }
    }

    private func decodeCUR(_ node: Node, at path: ConfigKeyPath) -> CURConfig? {
        guard let mapping = mapping(node, at: path, allowedKeys: ConfigurationKeys.cur) else { return nil }
        var valid = true
        let database = required("database", in: mapping, hint: "give the Glue database of the CUR table")
            .flatMap { text($0, at: mapping.path("database")) }
        let table = required("table", in: mapping, hint: "give the CUR table's name")
            .flatMap { text($0, at: mapping.path("table")) }
        let region = required("region", in: mapping, hint: "give the region of the billing account's Athena, e.g. us-east-1")
            .flatMap { self.region($0, at: mapping.path("region")) }
        let workgroup = optional("workgroup", in: mapping, valid: &valid, text) ?? CURConfig.defaultWorkgroup
        let roleArn = optional("role_arn", in: mapping, valid: &valid) { node, path in
            roleARN(node, at: path, accountId: nil, accountKeyPath: "")
        }
        let outputLocation = optional("output_location", in: mapping, valid: &valid, s3Location)
        guard valid, let database, let table, let region else { return nil }
        return CURConfig(database: database, table: table, workgroup: workgroup, region: region,
                         roleArn: roleArn, outputLocation: outputLocation)
    }

    private func s3Location(_ node: Node, at path: ConfigKeyPath) -> String? {
        guard let location = text(node, at: path) else { return nil }
        guard location.hasPrefix("s3://") else {
            report("'\(location)' is not an S3 location; expected s3://bucket/prefix/", at: node, path: path)
            return nil
        }
        return location
    }
}
