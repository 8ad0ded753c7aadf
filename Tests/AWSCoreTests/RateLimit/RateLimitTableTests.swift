import AWSCore
import Testing

@Suite struct RateLimitTableTests {
    /// Every operation the service clients send.
    static let operationsTheToolCalls = [
        "athena:ListWorkGroups", "athena:GetWorkGroup", "athena:ListQueryExecutions", "athena:BatchGetQueryExecution",
        "athena:GetQueryExecution", "athena:StartQueryExecution", "athena:GetQueryResults", "ce:GetCostAndUsage",
        "quicksight:ListDataSources", "quicksight:DescribeDataSource", "quicksight:ListDataSets",
        "quicksight:DescribeDataSet", "sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:GetCallerIdentity",
    ]

    @Test(arguments: operationsTheToolCalls)
    func awsDefaultsCoverEveryOperationTheToolCalls(_ action: String) {
        #expect(RateLimitTable.awsDefaults.quotas[action] != nil)
    }

    @Test func awsDefaultsHoldAthenasPublishedQuotas() {
        let table = RateLimitTable.awsDefaults
        func quota(_ operation: String) -> RateLimitTable.Quota? {
            table.quota(for: RateLimitKey(region: "us-east-1", service: "athena", operation: operation))
        }
        #expect(quota("ListQueryExecutions") == .init(ratePerSecond: 5, burst: 10))
        #expect(quota("BatchGetQueryExecution") == .init(ratePerSecond: 20, burst: 40))
        #expect(quota("GetQueryExecution") == .init(ratePerSecond: 100, burst: 200))
        #expect(quota("StartQueryExecution") == .init(ratePerSecond: 20, burst: 80))
        #expect(quota("GetQueryResults") == .init(ratePerSecond: 100, burst: 200))
    }

    @Test func safetyFactorScalesRateAndBurstDown() throws {
        let key = RateLimitKey(region: "us-east-1", service: "athena", operation: "BatchGetQueryExecution")
        let quota = try #require(RateLimitTable.awsDefaults.withSafetyFactor(0.9).quota(for: key))

        #expect(abs(quota.ratePerSecond - 18) < 1e-9)
        #expect(quota.burst == 36)
    }

    @Test func burstNeverDropsBelowOneCall() throws {
        let table = RateLimitTable(quotas: ["sts:AssumeRole": .init(ratePerSecond: 1, burst: 1)], safetyFactor: 0.5)
        let quota = try #require(table.quota(for: RateLimitKey(region: "us-east-1", service: "sts", operation: "AssumeRole")))

        #expect(quota.burst == 1)
    }

    /// The jitter allowance shortens each burst by the calls its rate grants in that time (rounded
    /// up) and leaves the rate alone: 0.4 s is 2 of ListQueryExecutions' 10, 8 of BatchGet's 40.
    @Test func jitterAllowanceShortensTheBurstNotTheRate() throws {
        let table = RateLimitTable.awsDefaults.withJitterAllowance(0.4)
        func quota(_ operation: String) throws -> RateLimitTable.Quota {
            try #require(table.quota(for: RateLimitKey(region: "eu-west-1", service: "athena", operation: operation)))
        }

        #expect(try quota("ListQueryExecutions") == .init(ratePerSecond: 5, burst: 8))
        #expect(try quota("BatchGetQueryExecution") == .init(ratePerSecond: 20, burst: 32))
        #expect(table.withJitterAllowance(0.3).quota(for: RateLimitKey(region: "eu-west-1", service: "athena",
                                                                        operation: "ListQueryExecutions"))?.burst == 8)
        #expect(table.withJitterAllowance(60).quota(for: RateLimitKey(region: "eu-west-1", service: "athena",
                                                                       operation: "ListQueryExecutions"))?.burst == 1)
        #expect(table.withSafetyFactor(0.5).jitterAllowance == 0.4)
    }
}
