/// Renders data sources and datasets in QuickSight's REST-JSON shapes.
struct QuickSightWireRenderer {
    let accountId: String
    let region: String
    /// Every data source of the account, so dataset tables can name their sources' ARNs.
    let dataSources: [ScenarioQuickDataSource]

    func dataSourceArn(_ id: String) -> String { "arn:aws:quicksight:\(region):\(accountId):datasource/\(id)" }
    func dataSetArn(_ id: String) -> String { "arn:aws:quicksight:\(region):\(accountId):dataset/\(id)" }

    func dataSource(_ source: ScenarioQuickDataSource) -> WireJSON {
        let parameters: WireJSON
        switch source.type {
        case "ATHENA":
            parameters = .object([("AthenaParameters", .members([
                ("WorkGroup", source.workgroup.map { .string($0) }),
                ("RoleArn", source.roleArn.map { .string($0) }),
                ("ConsumerAccountRoleArn", source.consumerAccountRoleArn.map { .string($0) }),
            ]))])
        case "S3":
            parameters = .object([("S3Parameters", .members([
                ("ManifestFileLocation", .object([("Bucket", .string("quicksight-manifests-\(accountId)")),
                                                  ("Key", .string("\(source.id)/manifest.json"))])),
                ("RoleArn", source.roleArn.map { .string($0) }),
            ]))])
        default:
            parameters = .object([])
        }
        return .object([
            ("Arn", .string(dataSourceArn(source.id))),
            ("DataSourceId", .string(source.id)),
            ("Name", .string(source.name)),
            ("Type", .string(source.type)),
            ("Status", .string("CREATION_SUCCESSFUL")),
            ("CreatedTime", .timestamp(millis: QuickSightEngine.createdMillis)),
            ("LastUpdatedTime", .timestamp(millis: QuickSightEngine.updatedMillis)),
            ("DataSourceParameters", parameters),
            ("SslProperties", .object([("DisableSsl", .bool(false))])),
        ])
    }

    func dataSetSummary(_ dataSet: ScenarioQuickDataSet) -> WireJSON {
        .object([
            ("Arn", .string(dataSetArn(dataSet.id))),
            ("DataSetId", .string(dataSet.id)),
            ("Name", .string(dataSet.name)),
            ("CreatedTime", .timestamp(millis: QuickSightEngine.createdMillis)),
            ("LastUpdatedTime", .timestamp(millis: QuickSightEngine.updatedMillis)),
            ("ImportMode", .string(dataSet.importMode)),
            ("RowLevelPermissionTagConfigurationApplied", .bool(false)),
            ("ColumnLevelPermissionRulesApplied", .bool(false)),
        ])
    }

    func dataSet(_ dataSet: ScenarioQuickDataSet) -> WireJSON {
        let columns: [(String, String)] = [("business_date", "DATETIME"), ("segment", "STRING"), ("amount", "DECIMAL")]
        let inputColumns = WireJSON.array(columns.map { .object([("Name", .string($0.0)), ("Type", .string($0.1))]) })
        let tables = dataSet.dataSourceIds.enumerated().map { index, sourceId -> (String, WireJSON) in
            let source = dataSources.first { $0.id == sourceId }
            // File sources are read through an S3Source table; databases through a RelationalTable.
            let table: WireJSON = source?.type == "S3"
                ? .object([("S3Source", .object([
                    ("DataSourceArn", .string(dataSourceArn(sourceId))),
                    ("UploadSettings", .object([("Format", .string("CSV")), ("ContainsHeader", .bool(true))])),
                    ("InputColumns", inputColumns),
                ]))])
                : .object([("RelationalTable", .object([
                    ("DataSourceArn", .string(dataSourceArn(sourceId))),
                    ("Catalog", .string("AwsDataCatalog")),
                    ("Schema", .string(sourceId.replacingOccurrences(of: "-", with: "_"))),
                    ("Name", .string("\(dataSet.id.replacingOccurrences(of: "-", with: "_"))_t\(index + 1)")),
                    ("InputColumns", inputColumns),
                ]))])
            return ("t\(index + 1)", table)
        }
        return .object([
            ("Arn", .string(dataSetArn(dataSet.id))),
            ("DataSetId", .string(dataSet.id)),
            ("Name", .string(dataSet.name)),
            ("CreatedTime", .timestamp(millis: QuickSightEngine.createdMillis)),
            ("LastUpdatedTime", .timestamp(millis: QuickSightEngine.updatedMillis)),
            ("PhysicalTableMap", .object(tables)),
            ("OutputColumns", inputColumns),
            ("ImportMode", .string(dataSet.importMode)),
            ("ConsumedSpiceCapacityInBytes", .integer(dataSet.importMode == "SPICE" ? dataSet.spiceBytes : 0)),
        ])
    }
}
