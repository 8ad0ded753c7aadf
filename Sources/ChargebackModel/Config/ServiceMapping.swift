/// One consumer-account service column: a short key used in reports and the Cost Explorer
/// `SERVICE` value it is read from.
public struct ServiceMapping: Sendable, Equatable {
    /// `athena`, `glue`, `s3`, or a further key whose costs are summed into `other_services`.
    public var key: String
    /// The Cost Explorer `SERVICE` dimension value, e.g. `Amazon Athena`.
    public var costExplorerName: String

    public init(key: String, costExplorerName: String) {
        self.key = key
        self.costExplorerName = costExplorerName
    }

    /// The services every report has, in report order, with their Cost Explorer names.
    public static let standard: [ServiceMapping] = [
        ServiceMapping(key: "athena", costExplorerName: "Amazon Athena"),
        ServiceMapping(key: "glue", costExplorerName: "AWS Glue"),
        ServiceMapping(key: "s3", costExplorerName: "Amazon Simple Storage Service"),
    ]

    /// Whether this is one of the further services summed into `other_services`.
    public var isOtherService: Bool {
        !ServiceMapping.standard.contains { $0.key == key }
    }
}
