/// The AWS services the sandbox speaks, keyed by their SigV4 signing name.
enum SandboxService: String, Sendable, CaseIterable {
    case sts, athena, ce, quicksight

    enum WireProtocol: Sendable {
        /// Form-encoded `Action=…` in, XML out.
        case query
        /// `X-Amz-Target: Prefix.Operation`, JSON in and out, `__type` errors.
        case json11
        /// Method + path routes, `x-amzn-ErrorType` errors.
        case restJSON
    }

    /// The name engines see in `SandboxCall.service`.
    var callName: String {
        switch self {
        case .sts: "STS"
        case .athena: "Athena"
        case .ce: "CostExplorer"
        case .quicksight: "QuickSight"
        }
    }

    var wire: WireProtocol {
        switch self {
        case .sts: .query
        case .athena, .ce: .json11
        case .quicksight: .restJSON
        }
    }

    var targetPrefix: String? {
        switch self {
        case .athena: "AmazonAthena"
        case .ce: "AWSInsightsIndexService"
        case .sts, .quicksight: nil
        }
    }

    var operations: Set<String> {
        switch self {
        case .sts: ["AssumeRole", "AssumeRoleWithWebIdentity", "GetCallerIdentity"]
        case .athena: ["ListWorkGroups", "GetWorkGroup", "ListQueryExecutions", "BatchGetQueryExecution", "GetQueryExecution"]
        case .ce: ["GetCostAndUsage", "GetDimensionValues"]
        case .quicksight: ["ListDataSources", "DescribeDataSource", "ListDataSets", "DescribeDataSet"]
        }
    }

    /// The operation a request names, or nil when the service has no such operation.
    func operation(for request: SandboxHTTPRequest, form: [String: String]) -> String? {
        let name: String?
        switch wire {
        case .query:
            name = form["Action"]
        case .json11:
            let target = request.header("X-Amz-Target") ?? ""
            let parts = target.split(separator: ".", maxSplits: 1).map(String.init)
            name = parts.count == 2 && parts[0] == targetPrefix ? parts[1] : nil
        case .restJSON:
            name = request.method == "GET" ? QuickSightRoute(path: request.rawPath)?.operation : nil
        }
        return name.flatMap { operations.contains($0) ? $0 : nil }
    }
}
