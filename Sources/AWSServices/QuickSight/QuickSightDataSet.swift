import Foundation

/// `DataSetImportMode`.
public enum QuickSightImportMode: AWSStringEnum {
    case spice, directQuery
    case unknown(String)

    public static let knownValues: [(Self, String)] = [(.spice, "SPICE"), (.directQuery, "DIRECT_QUERY")]

    public var unknownRawValue: String? {
        if case let .unknown(value) = self { return value }
        return nil
    }
}

/// A data set as ListDataSets lists it.
public struct QuickSightDataSetSummary: Sendable, Equatable, Decodable {
    public var arn: String?
    public var dataSetId: String?
    public var name: String?
    public var createdTime: Date?
    public var lastUpdatedTime: Date?
    public var importMode: QuickSightImportMode?

    public init(arn: String? = nil, dataSetId: String? = nil, name: String? = nil, createdTime: Date? = nil,
                lastUpdatedTime: Date? = nil, importMode: QuickSightImportMode? = nil) {
        self.arn = arn
        self.dataSetId = dataSetId
        self.name = name
        self.createdTime = createdTime
        self.lastUpdatedTime = lastUpdatedTime
        self.importMode = importMode
    }

    enum CodingKeys: String, CodingKey {
        case arn = "Arn", dataSetId = "DataSetId", name = "Name", createdTime = "CreatedTime"
        case lastUpdatedTime = "LastUpdatedTime", importMode = "ImportMode"
    }
}

/// A data set as DescribeDataSet describes it: its SPICE footprint and the tables it reads.
public struct QuickSightDataSet: Sendable, Equatable, Decodable {
    public var arn: String?
    public var dataSetId: String?
    public var name: String?
    public var importMode: QuickSightImportMode?
    /// SPICE bytes used; 0 or nil for DIRECT_QUERY.
    public var consumedSpiceCapacityInBytes: Int64?
    /// Table id → table.
    public var physicalTableMap: [String: QuickSightPhysicalTable]

    public init(arn: String? = nil, dataSetId: String? = nil, name: String? = nil,
                importMode: QuickSightImportMode? = nil, consumedSpiceCapacityInBytes: Int64? = nil,
                physicalTableMap: [String: QuickSightPhysicalTable] = [:]) {
        self.arn = arn
        self.dataSetId = dataSetId
        self.name = name
        self.importMode = importMode
        self.consumedSpiceCapacityInBytes = consumedSpiceCapacityInBytes
        self.physicalTableMap = physicalTableMap
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        arn = try container.decodeIfPresent(String.self, forKey: .arn)
        dataSetId = try container.decodeIfPresent(String.self, forKey: .dataSetId)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        importMode = try container.decodeIfPresent(QuickSightImportMode.self, forKey: .importMode)
        consumedSpiceCapacityInBytes = try container.decodeIfPresent(Int64.self, forKey: .consumedSpiceCapacityInBytes)
        physicalTableMap = try container.decodeIfPresent(
            [String: QuickSightPhysicalTable].self, forKey: .physicalTableMap) ?? [:]
    }

    /// Every data source ARN the physical tables read, without duplicates, sorted.
    public var dataSourceArns: [String] {
        Set(physicalTableMap.values.compactMap(\.dataSourceArn)).sorted()
    }

    enum CodingKeys: String, CodingKey {
        case arn = "Arn", dataSetId = "DataSetId", name = "Name", importMode = "ImportMode"
        case consumedSpiceCapacityInBytes = "ConsumedSpiceCapacityInBytes", physicalTableMap = "PhysicalTableMap"
    }
}

/// One physical table of a data set: exactly one of its members is set.
public struct QuickSightPhysicalTable: Sendable, Equatable, Decodable {
    public var relationalTable: QuickSightTableSource?
    public var customSql: QuickSightTableSource?
    public var s3Source: QuickSightTableSource?
    public var saaSTable: QuickSightTableSource?
    public var fileSource: QuickSightTableSource?

    public init(relationalTable: QuickSightTableSource? = nil, customSql: QuickSightTableSource? = nil,
                s3Source: QuickSightTableSource? = nil, saaSTable: QuickSightTableSource? = nil,
                fileSource: QuickSightTableSource? = nil) {
        self.relationalTable = relationalTable
        self.customSql = customSql
        self.s3Source = s3Source
        self.saaSTable = saaSTable
        self.fileSource = fileSource
    }

    /// The data source this table reads, whichever kind of table it is.
    public var dataSourceArn: String? {
        [relationalTable, customSql, s3Source, saaSTable, fileSource].lazy.compactMap { $0?.dataSourceArn }.first
    }

    enum CodingKeys: String, CodingKey {
        case relationalTable = "RelationalTable", customSql = "CustomSql", s3Source = "S3Source"
        case saaSTable = "SaaSTable", fileSource = "FileSource"
    }
}

/// The members of a physical table that locate its data (`RelationalTable`, `CustomSql`, …
/// all carry `DataSourceArn`; the table name and SQL where the kind has them).
public struct QuickSightTableSource: Sendable, Equatable, Decodable {
    public var dataSourceArn: String?
    public var catalog: String?
    public var schema: String?
    /// The table name (RelationalTable) or the query's name (CustomSql).
    public var name: String?
    public var sqlQuery: String?

    public init(dataSourceArn: String? = nil, catalog: String? = nil, schema: String? = nil, name: String? = nil,
                sqlQuery: String? = nil) {
        self.dataSourceArn = dataSourceArn
        self.catalog = catalog
        self.schema = schema
        self.name = name
        self.sqlQuery = sqlQuery
    }

    enum CodingKeys: String, CodingKey {
        case dataSourceArn = "DataSourceArn", catalog = "Catalog", schema = "Schema", name = "Name"
        case sqlQuery = "SqlQuery"
    }
}
