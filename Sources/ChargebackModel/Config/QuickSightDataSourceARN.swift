/// A Quick (QuickSight) data source ARN, `arn:<partition>:quicksight:<region>:<account>:datasource/<id>`:
/// the value Role B trust policies usually expect as `sts:ExternalId`.
public struct QuickSightDataSourceARN: Sendable, Hashable, CustomStringConvertible {
    public let partition: String
    public let region: String
    /// The central account that owns the data source.
    public let accountId: String
    public let dataSourceId: String
    /// The ARN exactly as written.
    public let text: String

    /// Parses `text`; nil when it is not a QuickSight data source ARN.
    public init?(_ text: String) {
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn", IAMRoleARN.partitions.contains(String(fields[1])),
              fields[2] == "quicksight", AWSRegionFormat.isValid(String(fields[3])),
              AWSAccountIDFormat.isValid(String(fields[4])), fields[5].hasPrefix("datasource/")
        else { return nil }
        let id = fields[5].dropFirst("datasource/".count)
        guard !id.isEmpty, !id.contains("/") else { return nil }
        partition = String(fields[1])
        region = String(fields[3])
        accountId = String(fields[4])
        dataSourceId = String(id)
        self.text = text
    }

    public var description: String { text }
}
