import AWSCore
import AWSSandbox
import AWSServices
import Foundation
import Testing

/// The project's clients against a sandbox that injects faults, enforces AWS's quotas or
/// misbehaves on the wire: retryable failures are retried to success, the rest surface as
/// typed errors, never as a crash or as wrong data.
@Suite(.timeLimit(.minutes(1))) struct ClientFaultToleranceTests {
    // MARK: Retried to success

    @Test func serverErrorsAreRetriedUntilEveryCallSucceeds() async throws {
        try await ClientSandbox.run(faults: "error_rate=0.3,seed=7") { sandbox in
            let sent = try await callMix(sandbox, calls: 30, retry: ClientSandbox.instantRetries(5))
            let counters = try await sandbox.counters()
            #expect(counters.faults["server_error", default: 0] > 0)
            #expect(sent > 30, "the injected errors were retried")
        }
    }

    /// Half the calls are throttled, so five attempts would give up on about one call in 32;
    /// ten attempts make that one in a thousand.
    @Test func injectedThrottlingIsRetriedUntilEveryCallSucceeds() async throws {
        try await ClientSandbox.run(faults: "throttle_rate=0.5,seed=3") { sandbox in
            let sent = try await callMix(sandbox, calls: 30, retry: ClientSandbox.instantRetries(10))
            let counters = try await sandbox.counters()
            #expect(counters.faults["throttle", default: 0] > 0)
            #expect(counters.throttled.values.flatMap(\.values).reduce(0, +) > 0)
            #expect(sent > 30, "the throttled calls were retried")
        }
    }

    /// Buckets refill in real time, so this test waits for real (about four seconds: 20 calls
    /// beyond the burst of 10 at 5 per second); the calls go out together so the burst is exceeded.
    @Test func aBurstBeyondTheAthenaQuotaSucceedsWithBackoff() async throws {
        try await ClientSandbox.run(quotas: .aws) { sandbox in
            let retry = RetryPolicy(maxAttempts: 30, baseDelay: 0.05, maxBackoff: 1.0)
            let roleB = try await ClientRoleChain(sandbox: sandbox, retry: retry).credentials(for: .retail)
            let athena = AthenaClient(client: sandbox.client(roleB, retry: retry))
            // The burst goes out at once, so even a slow machine sends it faster than the bucket refills.
            let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<30 {
                    group.addTask {
                        try await athena.listQueryExecutions(ListQueryExecutionsInput(workGroup: "primary")).queryExecutionIds.count
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(sizes == Array(repeating: 50, count: 30))
            let counters = try await sandbox.counters()
            #expect((counters.throttled["athena"]?["ListQueryExecutions"] ?? 0) > 0)
            #expect(counters.faults.isEmpty, "only the quota throttled")
        }
    }

    /// `calls` calls over the three wire protocols with a retrying client, each checked for the
    /// data it must return. Returns how many requests went out, retries included.
    private func callMix(_ sandbox: ClientSandbox, calls: Int, retry: RetryPolicy) async throws -> Int {
        let unit = SampleBusinessUnit.retail
        let roleB = try await ClientRoleChain(sandbox: sandbox, retry: retry).credentials(for: unit)
        let sentBefore = sandbox.http.count
        let sts = STSClient(client: sandbox.client(roleB, retry: retry))
        let athena = AthenaClient(client: sandbox.client(roleB, retry: retry))
        let quick = QuickSightClient(client: sandbox.client(ClientSandbox.reporter, retry: retry))
        let workgroups = try #require(sandbox.scenario.account(unit.accountId)).workgroups.map(\.name).sorted()
        let dataSources = try #require(sandbox.scenario.account(SandboxScenarios.centralAccountId)).quickDataSources
        for index in 0..<calls {
            switch index % 3 {
            case 0:
                #expect(try await sts.getCallerIdentity().account == unit.accountId)
            case 1:
                #expect(try await athena.listWorkGroups().workGroups.compactMap(\.name) == workgroups)
            default:
                let listed = try await quick.listDataSources(accountId: SandboxScenarios.centralAccountId)
                #expect(listed.dataSources.count == dataSources.count)
            }
        }
        return sandbox.http.count - sentBefore
    }

    // MARK: Broken answers

    @Test func truncatedBodiesFailAsClientErrors() async throws {
        try await ClientSandbox.run(faults: "truncate_rate=1") { sandbox in
            // The body is shorter than its Content-Length: the transport must notice.
            try await expectEveryProtocolFails(sandbox, with: .transport)
            #expect(try await sandbox.counters().faults["truncate", default: 0] == 4)
        }
    }

    @Test func garbledBodiesFailAsClientErrors() async throws {
        try await ClientSandbox.run(faults: "garble_rate=1") { sandbox in
            // The transfer is complete but the body does not parse: the protocol layer must notice.
            try await expectEveryProtocolFails(sandbox, with: .invalidResponse)
            #expect(try await sandbox.counters().faults["garble", default: 0] == 4)
        }
    }

    enum ReadFailure {
        case transport, invalidResponse
    }

    /// One call per wire protocol (query, JSON 1.1 twice, REST-JSON), each with a single attempt.
    private func expectEveryProtocolFails(_ sandbox: ClientSandbox, with failure: ReadFailure) async throws {
        let client = sandbox.client(ClientSandbox.reporter)
        let today = try #require(sandbox.scenario.clock)
        let costs = GetCostAndUsageInput(
            timePeriod: CostDateInterval(start: CivilMonth.firstDay(of: today, addingMonths: -1),
                                         end: CivilMonth.firstDay(of: today, addingMonths: 0)),
            granularity: .monthly, metrics: ["UnblendedCost"])
        expectReadFailure(try await #require(throws: AWSClientError.self) {
            try await STSClient(client: client).getCallerIdentity()
        }, failure)
        expectReadFailure(try await #require(throws: AWSClientError.self) {
            try await AthenaClient(client: client).listWorkGroups()
        }, failure)
        expectReadFailure(try await #require(throws: AWSClientError.self) {
            try await CostExplorerClient(client: client).getCostAndUsage(costs)
        }, failure)
        expectReadFailure(try await #require(throws: AWSClientError.self) {
            try await QuickSightClient(client: client).listDataSources(accountId: SandboxScenarios.centralAccountId)
        }, failure)
    }

    private func expectReadFailure(_ error: AWSClientError, _ failure: ReadFailure,
                                   sourceLocation: SourceLocation = #_sourceLocation) {
        switch (error, failure) {
        case (.transport, .transport), (.invalidResponse, .invalidResponse): break
        default: Issue.record("expected a \(failure) error, got: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func connectionResetsGiveATransportErrorAfterTheConfiguredAttempts() async throws {
        try await ClientSandbox.run(faults: "reset_rate=1") { sandbox in
            let attempts = 3
            let sts = STSClient(client: sandbox.client(ClientSandbox.reporter, retry: ClientSandbox.instantRetries(attempts)))
            let error = try await #require(throws: AWSClientError.self) { try await sts.getCallerIdentity() }
            guard case let .transport(service, operation, _) = error else {
                Issue.record("expected a transport error, got: \(error)")
                return
            }
            #expect(service == "STS")
            #expect(operation == "GetCallerIdentity")
            #expect(sandbox.http.count == attempts)
            #expect(sandbox.server.counters.requests(service: "sts", operation: "GetCallerIdentity",
                                                     account: SandboxScenarios.centralAccountId) == attempts)
            #expect(try await sandbox.counters().faults["reset"] == attempts)
        }
    }

    // MARK: Identity faults

    @Test func aDeniedAccountGetsAccessDeniedWithoutRetries() async throws {
        try await ClientSandbox.run(faults: "deny_account=\(SampleBusinessUnit.retail.accountId)") { sandbox in
            let chain = ClientRoleChain(sandbox: sandbox)
            let retail = try await chain.credentials(for: .retail)
            let athena = AthenaClient(client: sandbox.client(retail, retry: ClientSandbox.instantRetries(3)))
            let sentBefore = sandbox.http.count
            let error = try await #require(throws: AWSServiceError.self) { try await athena.listWorkGroups() }
            #expect(error.service == "Athena")
            #expect(error.operation == "ListWorkGroups")
            #expect(error.code.hasPrefix("AccessDenied"), "\(error.code)")
            #expect(sandbox.http.count - sentBefore == 1, "access denied is not retried")

            // Only the named account is denied.
            let invest = try await chain.credentials(for: .invest)
            _ = try await AthenaClient(client: sandbox.client(invest)).listWorkGroups()
        }
    }

    @Test func aWrongAccountFaultIsVisibleInTheCallerIdentity() async throws {
        try await ClientSandbox.run(faults: "wrong_account=\(SampleBusinessUnit.retail.accountId)") { sandbox in
            let chain = ClientRoleChain(sandbox: sandbox)
            let retail = try await STSClient(client: sandbox.client(try await chain.credentials(for: .retail)))
                .getCallerIdentity()
            #expect(retail.account != SampleBusinessUnit.retail.accountId)

            let invest = try await STSClient(client: sandbox.client(try await chain.credentials(for: .invest)))
                .getCallerIdentity()
            #expect(invest.account == SampleBusinessUnit.invest.accountId)
        }
    }

    @Test func sessionsThatExpireEarlyAreRefusedAsExpiredTokens() async throws {
        try await ClientSandbox.run(faults: "expire_early=60") { sandbox in
            let chain = ClientRoleChain(sandbox: sandbox)
            let roleB = try await chain.roleB(.retail, from: try await chain.roleA(scopedTo: [.retail]).credentials)
            let retry = ClientSandbox.instantRetries(3)
            let athena = AthenaClient(client: sandbox.client(roleB.credentials, retry: retry))
            let sts = STSClient(client: sandbox.client(roleB.credentials, retry: retry))
            _ = try await athena.listWorkGroups()

            sandbox.server.clock.advance(by: 120)
            #expect(try #require(roleB.credentials.expiration) > sandbox.server.clock.signingNow(),
                    "the credentials still claim to be valid")

            let sentBefore = sandbox.http.count
            let athenaError = try await #require(throws: AWSServiceError.self) { try await athena.listWorkGroups() }
            #expect(athenaError.service == "Athena")
            #expect(athenaError.code == "ExpiredTokenException")
            #expect(sandbox.http.count - sentBefore == 1, "static credentials cannot be refreshed: no retry")

            let stsError = try await #require(throws: AWSServiceError.self) { try await sts.getCallerIdentity() }
            #expect(stsError.service == "STS")
            #expect(stsError.code == "ExpiredToken")
        }
    }
}
