import Foundation

/// Amazon QuickSight's data source and dataset APIs (REST-JSON) for the caller's account and
/// region: the path's account id must be the caller's own.
public final class QuickSightEngine: SandboxServiceEngine {
    static let maxPageSize = 100
    /// Scenario resources carry no timestamps; fixed ones keep answers stable.
    static let createdMillis: Int64 = 1_704_186_000_000
    static let updatedMillis: Int64 = 1_717_236_000_000
    private static let contentType = "application/json"

    private let scenario: Scenario

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    public func handle(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        guard let route = QuickSightRoute(path: call.path) else {
            throw SandboxAPIError(code: "UnknownOperationException",
                                  message: "No QuickSight operation matches the path \(call.path).", status: 404)
        }
        guard route.accountId == call.accountId else {
            throw SandboxAPIError(code: "AccessDeniedException",
                                  message: "User: \(call.principalArn) is not authorized to access QuickSight account \(route.accountId).",
                                  status: 401)
        }
        let account = scenario.account(call.accountId)
        let dataSources = (account?.quickDataSources ?? []).filter { $0.region == call.region }.sorted { $0.id < $1.id }
        let dataSets = (account?.quickDataSets ?? []).filter { $0.region == call.region }.sorted { $0.id < $1.id }
        let renderer = QuickSightWireRenderer(accountId: call.accountId, region: call.region,
                                             dataSources: account?.quickDataSources ?? [])

        switch call.operation {
        case "ListDataSources":
            let page = try Self.page(of: dataSources, call, kind: "ListDataSources")
            return reply([("DataSources", .array(page.items.map(renderer.dataSource))), ("NextToken", page.next.map { .string($0) })], requestId: call.requestId)
        case "DescribeDataSource":
            guard let id = route.resourceId, let dataSource = dataSources.first(where: { $0.id == id }) else {
                throw Self.notFound("data source", route.resourceId, call)
            }
            return reply([("DataSource", renderer.dataSource(dataSource))], requestId: call.requestId)
        case "ListDataSets":
            let page = try Self.page(of: dataSets, call, kind: "ListDataSets")
            return reply([("DataSetSummaries", .array(page.items.map(renderer.dataSetSummary))), ("NextToken", page.next.map { .string($0) })], requestId: call.requestId)
        case "DescribeDataSet":
            guard let id = route.resourceId, let dataSet = dataSets.first(where: { $0.id == id }) else {
                throw Self.notFound("dataset", route.resourceId, call)
            }
            return reply([("DataSet", renderer.dataSet(dataSet))], requestId: call.requestId)
        default:
            throw SandboxAPIError(code: "UnknownOperationException",
                                  message: "The sandbox's QuickSight does not implement \(call.operation).", status: 404)
        }
    }

    private func reply(_ members: [(String, WireJSON?)], requestId: String) -> SandboxReply {
        .wire(.members(members + [("Status", .integer(200)), ("RequestId", .string(requestId))]),
              contentType: Self.contentType)
    }

    private static func page<Item>(of items: [Item], _ call: SandboxCall, kind: String) throws(SandboxAPIError) -> (items: ArraySlice<Item>, next: String?) {
        var size = maxPageSize
        if let text = call.query["max-results"] {
            guard let requested = Int(text), (1...maxPageSize).contains(requested) else {
                throw SandboxAPIError(code: "InvalidParameterValueException",
                                      message: "max-results must be an integer between 1 and \(maxPageSize); it was '\(text)'.")
            }
            size = requested
        }
        let context = "\(call.accountId)/\(call.region)"
        var start = 0
        if let text = call.query["next-token"] {
            guard let token = EnginePageToken(text: text, kind: kind, context: context), token.position <= items.count else {
                throw SandboxAPIError(code: "InvalidNextTokenException",
                                      message: "next-token is not valid for this \(kind) request; start again without it.")
            }
            start = token.position
        }
        let end = min(items.count, start + size)
        return (items[start..<end], end < items.count ? EnginePageToken(kind: kind, context: context, position: end).text : nil)
    }

    private static func notFound(_ kind: String, _ id: String?, _ call: SandboxCall) -> SandboxAPIError {
        SandboxAPIError(code: "ResourceNotFoundException",
                        message: "The \(kind) \(id ?? "") does not exist in account \(call.accountId) in \(call.region).", status: 404)
    }
}
