/// The account and resource named by a QuickSight path: /accounts/{id}/data-sources[/{id}]
/// or /accounts/{id}/data-sets[/{id}].
struct QuickSightRoute {
    let accountId: String
    let collection: String
    let resourceId: String?

    /// Nil when the path names no data source or dataset route.
    init?(path: String) {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts.count <= 4, parts[0] == "accounts",
              parts[2] == "data-sources" || parts[2] == "data-sets" else { return nil }
        accountId = parts[1]
        collection = parts[2]
        resourceId = parts.count == 4 ? parts[3] : nil
    }

    /// The operation a GET of this route performs.
    var operation: String {
        switch (collection, resourceId) {
        case ("data-sources", nil): "ListDataSources"
        case ("data-sources", _): "DescribeDataSource"
        case (_, nil): "ListDataSets"
        default: "DescribeDataSet"
        }
    }
}
