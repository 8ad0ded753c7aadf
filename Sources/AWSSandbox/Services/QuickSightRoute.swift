/// The account and resource named by a QuickSight path: /accounts/{id}/data-sources[/{id}].
struct QuickSightRoute {
    let accountId: String
    let collection: String
    let resourceId: String?

    init(path: String) throws(SandboxAPIError) {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts.count <= 4, parts[0] == "accounts",
              parts[2] == "data-sources" || parts[2] == "data-sets" else {
            throw SandboxAPIError(code: "UnknownOperationException", message: "No QuickSight operation matches the path \(path).", status: 404)
        }
        accountId = parts[1]
        collection = parts[2]
        resourceId = parts.count == 4 ? parts[3] : nil
    }
}
