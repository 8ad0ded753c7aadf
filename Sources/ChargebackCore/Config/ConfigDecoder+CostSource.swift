import Yams

extension ConfigDecoder {
    private enum SourceName: String, CaseIterable {
        case costExplorer = "cost_explorer"
        case cur
    }

    static let curKeys = ["database", "table", "workgroup", "region", "role_arn", "output_location"]

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
        guard let mapping = mapping(node, at: path, allowedKeys: Self.curKeys) else { return nil }
        var valid = true
        let database = required("database", in: mapping, hint: "give the Glue database of the CUR table")
            .flatMap { text($0, at: mapping.path("database")) }
        let table = required("table", in: mapping, hint: "give the CUR table's name")
            .flatMap { text($0, at: mapping.path("table")) }
        let region = required("region", in: mapping, hint: "give the region of the billing account's Athena, e.g. us-east-1")
            .flatMap { self.region($0, at: mapping.path("region")) }
        var workgroup: String? = CURConfig.defaultWorkgroup
        if let value = mapping.value("workgroup") {
            workgroup = text(value, at: mapping.path("workgroup"))
        }
        var roleArn: IAMRoleARN?
        if let value = mapping.value("role_arn") {
            roleArn = roleARN(value, at: mapping.path("role_arn"), accountId: nil, accountKeyPath: "")
            if roleArn == nil { valid = false }
        }
        var outputLocation: String?
        if let value = mapping.value("output_location") {
            outputLocation = text(value, at: mapping.path("output_location"))
            if let location = outputLocation, !location.hasPrefix("s3://") {
                report("'\(location)' is not an S3 location; expected s3://bucket/prefix/", at: value, path: mapping.path("output_location"))
                valid = false
            }
            if outputLocation == nil { valid = false }
        }
        guard valid, let database, let table, let region, let workgroup else { return nil }
        return CURConfig(database: database, table: table, workgroup: workgroup, region: region,
                         roleArn: roleArn, outputLocation: outputLocation)
    }
}
