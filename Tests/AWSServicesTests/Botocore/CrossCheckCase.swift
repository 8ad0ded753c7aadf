import AWSCore
import AWSServices
import Foundation
import Testing

/// One operation called through our client and through botocore with the same input.
struct CrossCheckCase: Sendable, CustomTestStringConvertible {
    var name: String
    var service: AWSServiceDescriptor
    /// botocore's name for the service.
    var botocoreService: String
    var operation: String
    /// The same input for botocore, as JSON text in the member order we send.
    var botocoreParams: String
    var region: String = "eu-west-1"
    var signed = true
    /// The canned success response (a fixture path), so the call completes.
    var fixture: String
    var call: @Sendable (AWSClient) async throws -> Void

    var testDescription: String { name }

    var response: HTTPResponse {
        get throws {
            fixture.hasSuffix(".xml") ? .xml(try Fixture.data(fixture)) : .json(try Fixture.data(fixture))
        }
    }
}

extension CrossCheckCase {
    static let roleArn = "arn:aws:iam::111122223333:role/chargeback-reader"
    static let accountId = "111122223333"
    /// A session policy with quotes, spaces, braces, "*", ":", "/", "&", "+", "%", "~" and Latin-1 letters,
    /// all of which the form encoding must escape (or leave) exactly as botocore does.
    static let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["athena:Get*","ce:Get*"],"#
        + #""Resource":"*","Condition":{"StringLike":{"aws:PrincipalTag/team":"données & co+1 ~50%"}}}]}"#
    /// A pagination token with characters that need escaping in a query string and in JSON.
    static let awkwardToken = "AQID/+token==&next=1 %7E"
    /// A QuickSight id with a space, "/", "+", "%", "~", "(", "#" and a non-ASCII letter: the model
    /// puts no pattern on `ResourceId`, so each must survive the path encoding.
    static let awkwardResourceId = "sales data/2026+q1%(eu)#ü~"

    static let all: [CrossCheckCase] = sts + athena + [costAndUsage] + quickSight

    static let sts: [CrossCheckCase] = [
        CrossCheckCase(
            name: "STS AssumeRole with ExternalId, Policy, DurationSeconds and SourceIdentity",
            service: .sts, botocoreService: "sts", operation: "AssumeRole",
            botocoreParams: json([
                ("RoleArn", roleArn), ("RoleSessionName", "chargeback-bu-alpha"), ("ExternalId", "ext:id/42+=,.@-"),
                ("Policy", policy), ("DurationSeconds", 3600), ("SourceIdentity", "alice@example.com"),
            ]),
            fixture: "sts/assume-role.xml",
            call: { client in
                _ = try await STSClient(client: client).assumeRole(AssumeRoleInput(
                    roleArn: roleArn, roleSessionName: "chargeback-bu-alpha", externalId: "ext:id/42+=,.@-",
                    policy: policy, durationSeconds: 3600, sourceIdentity: "alice@example.com"))
            }),
        CrossCheckCase(
            name: "STS GetCallerIdentity", service: .sts, botocoreService: "sts", operation: "GetCallerIdentity",
            botocoreParams: "{}", fixture: "sts/get-caller-identity.xml",
            call: { client in _ = try await STSClient(client: client).getCallerIdentity() }),
        CrossCheckCase(
            name: "STS AssumeRoleWithWebIdentity (unsigned)",
            service: .sts, botocoreService: "sts", operation: "AssumeRoleWithWebIdentity",
            botocoreParams: json([
                ("RoleArn", roleArn), ("RoleSessionName", "chargeback-ci"),
                ("WebIdentityToken", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln-_/+="), ("DurationSeconds", 900),
            ]),
            signed: false, fixture: "sts/assume-role-with-web-identity.xml",
            call: { client in
                _ = try await STSClient(client: client).assumeRoleWithWebIdentity(AssumeRoleWithWebIdentityInput(
                    roleArn: roleArn, roleSessionName: "chargeback-ci",
                    webIdentityToken: "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2ln-_/+=", durationSeconds: 900))
            }),
    ]

    static let athena: [CrossCheckCase] = [
        CrossCheckCase(
            name: "Athena ListWorkGroups", service: .athena, botocoreService: "athena", operation: "ListWorkGroups",
            botocoreParams: "{}", fixture: "athena/list-work-groups.json",
            call: { client in _ = try await AthenaClient(client: client).listWorkGroups() }),
        CrossCheckCase(
            name: "Athena ListQueryExecutions with WorkGroup, MaxResults and NextToken",
            service: .athena, botocoreService: "athena", operation: "ListQueryExecutions",
            botocoreParams: json([("MaxResults", 50), ("NextToken", awkwardToken), ("WorkGroup", "bu-alpha.reports_1")]),
            fixture: "athena/list-query-executions-page1.json",
            call: { client in
                _ = try await AthenaClient(client: client).listQueryExecutions(ListQueryExecutionsInput(
                    workGroup: "bu-alpha.reports_1", maxResults: 50, nextToken: awkwardToken))
            }),
        CrossCheckCase(
            name: "Athena BatchGetQueryExecution", service: .athena, botocoreService: "athena",
            operation: "BatchGetQueryExecution",
            botocoreParams: json([("QueryExecutionIds", [
                "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            ])]),
            fixture: "athena/batch-get-query-execution.json",
            call: { client in
                _ = try await AthenaClient(client: client).batchGetQueryExecution(ids: [
                    "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
                ])
            }),
        CrossCheckCase(
            name: "Athena GetWorkGroup", service: .athena, botocoreService: "athena", operation: "GetWorkGroup",
            botocoreParams: json([("WorkGroup", "bu-alpha.reports_1")]), fixture: "athena/get-work-group.json",
            call: { client in _ = try await AthenaClient(client: client).getWorkGroup(name: "bu-alpha.reports_1") }),
    ]

    /// Cost Explorer from a client in eu-west-1: the host and the signing region must still be us-east-1.
    static let costAndUsage = CrossCheckCase(
        name: "Cost Explorer GetCostAndUsage with a nested filter, two GroupBys and NextPageToken (client in eu-west-1)",
        service: .costExplorer, botocoreService: "ce", operation: "GetCostAndUsage",
        botocoreParams: #"""
            {"Filter":{"And":[{"Dimensions":{"Key":"SERVICE","Values":["Amazon Athena","Amazon QuickSight"]}},\#
            {"Not":{"Dimensions":{"Key":"LINKED_ACCOUNT","MatchOptions":["EQUALS"],"Values":["444455556666"]}}}]},\#
            "Granularity":"MONTHLY",\#
            "GroupBy":[{"Key":"SERVICE","Type":"DIMENSION"},{"Key":"team","Type":"TAG"}],\#
            "Metrics":["UnblendedCost","AmortizedCost"],"NextPageToken":"\#(awkwardToken)",\#
            "TimePeriod":{"End":"2026-11-01","Start":"2026-10-01"}}
            """#,
        fixture: "costexplorer/get-cost-and-usage-page1.json",
        call: { client in
            _ = try await CostExplorerClient(client: client).getCostAndUsage(GetCostAndUsageInput(
                timePeriod: CostDateInterval(start: "2026-10-01", end: "2026-11-01"), granularity: .monthly,
                metrics: ["UnblendedCost", "AmortizedCost"],
                filter: .and([
                    .dimension("SERVICE", ["Amazon Athena", "Amazon QuickSight"]),
                    .not(.dimensions(CostFilterValues(key: "LINKED_ACCOUNT", values: ["444455556666"],
                                                      matchOptions: ["EQUALS"]))),
                ]),
                groupBy: [.dimension("SERVICE"), CostGroupDefinition(type: .tag, key: "team")],
                nextPageToken: awkwardToken))
        })

    static let quickSight: [CrossCheckCase] = [
        CrossCheckCase(
            name: "QuickSight ListDataSources with max-results and an awkward next-token",
            service: .quickSight, botocoreService: "quicksight", operation: "ListDataSources",
            botocoreParams: json([("AwsAccountId", accountId), ("MaxResults", 100), ("NextToken", awkwardToken)]),
            fixture: "quicksight/list-data-sources.json",
            call: { client in
                _ = try await QuickSightClient(client: client).listDataSources(
                    accountId: accountId, maxResults: 100, nextToken: awkwardToken)
            }),
        CrossCheckCase(
            name: "QuickSight DescribeDataSource with an id that needs percent-encoding",
            service: .quickSight, botocoreService: "quicksight", operation: "DescribeDataSource",
            botocoreParams: json([("AwsAccountId", accountId), ("DataSourceId", awkwardResourceId)]),
            fixture: "quicksight/describe-data-source.json",
            call: { client in
                _ = try await QuickSightClient(client: client).describeDataSource(
                    accountId: accountId, dataSourceId: awkwardResourceId)
            }),
        CrossCheckCase(
            name: "QuickSight DescribeDataSet with an id that needs percent-encoding (client in us-east-1)",
            service: .quickSight, botocoreService: "quicksight", operation: "DescribeDataSet",
            botocoreParams: json([("AwsAccountId", accountId), ("DataSetId", "ds 2026:q1=\"eu\"&x?y")]),
            region: "us-east-1", fixture: "quicksight/describe-data-set.json",
            call: { client in
                _ = try await QuickSightClient(client: client).describeDataSet(
                    accountId: accountId, dataSetId: "ds 2026:q1=\"eu\"&x?y")
            }),
        CrossCheckCase(
            name: "QuickSight ListDataSets", service: .quickSight, botocoreService: "quicksight",
            operation: "ListDataSets", botocoreParams: json([("AwsAccountId", accountId)]),
            fixture: "quicksight/list-data-sets.json",
            call: { client in _ = try await QuickSightClient(client: client).listDataSets(accountId: accountId) }),
    ]

    /// A JSON object with its members in the given order (JSONSerialization would not keep it).
    static func json(_ members: [(String, Any)]) -> String {
        func encode(_ value: Any) -> String {
            let data = try! JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
            return String(decoding: data, as: UTF8.self)
        }
        return "{" + members.map { "\(encode($0.0)):\(encode($0.1))" }.joined(separator: ",") + "}"
    }
}
