import AWSCore
import AWSSandbox
import AWSServices
@testable import ChargebackCore
import ChargebackTestSupport
import Foundation
import Testing

@Suite("RoleChain: reaching each BU's account through the sandbox", .timeLimit(.minutes(1)))
struct RoleChainTests {
    @Test("lands in the BU's account with a chargeback-<bu> session of one hour",
          arguments: SampleOrganisation.unitIds, [true, false])
    func reachesUnitAccount(unitId: String, throughRoleA: Bool) async throws {
        let unit = try SampleOrganisation.unit(unitId)
        try await withSandbox { sandbox in
            let chain = sandbox.chain(runAsRoleArn: throughRoleA ? SampleOrganisation.runAsRoleArn : nil)
            let session = chain.session(for: unit)
            #expect((session.roleA != nil) == throughRoleA)

            let identity = try await session.verifyAccount()
            #expect(identity.account == unit.accountId)
            #expect(identity.arn == "arn:aws:sts::\(unit.accountId):assumed-role/\(SandboxScenarios.consumerRoleName)/chargeback-\(unitId)")

            let roleB = try await session.roleB.credentials()
            let lifetime = try #require(roleB.expiration).timeIntervalSince(sandbox.clock.signingNow())
            #expect(lifetime > 3_590 && lifetime <= 3_600, "DurationSeconds should be 3600, the session lasts \(lifetime) s")

            if let roleA = session.roleA {
                let roleAIdentity = try await STSClient(client: sandbox.client(roleA)).getCallerIdentity()
                #expect(roleAIdentity.arn == "arn:aws:sts::\(SampleOrganisation.centralAccountId):assumed-role/\(SandboxScenarios.runAsRoleName)/chargeback-\(unitId)")
                let roleALifetime = try #require(try await roleA.credentials().expiration).timeIntervalSince(sandbox.clock.signingNow())
                #expect(roleALifetime > 3_590 && roleALifetime <= 3_600)
            }
            // Each role is assumed once; later calls reuse the cached sessions.
            #expect(sandbox.assumeRoleCalls() == (throughRoleA ? 2 : 1))
        }
    }

    @Test("without Role A, the reporter assumes Role B directly", arguments: SampleOrganisation.unitIds)
    func directChainSkipsRoleA(unitId: String) async throws {
        // Role B of the sample trusts the central account, so the reporter's own user can assume it;
        // Role A is denied to the reporter here, so the chain can only work if it never asks for it.
        let unit = try SampleOrganisation.unit(unitId)
        try await withSandbox(scenario: SampleOrganisation.scenarioWhereRoleADistrustsReporter()) { sandbox in
            let session = sandbox.chain(runAsRoleArn: nil).session(for: unit)
            let identity = try await session.verifyAccount()
            #expect(identity.account == unit.accountId)
        }
    }

    @Test("a 40-character BU id makes a valid session name that STS accepts at both steps")
    func longestUnitIdIsAccepted() async throws {
        var unit = try SampleOrganisation.unit("retail")
        unit.id = String(repeating: "retail-bu", count: 5).prefix(40).description
        #expect(unit.id.count == 40)
        try await withSandbox { sandbox in
            let session = sandbox.chain(runAsRoleArn: SampleOrganisation.runAsRoleArn).session(for: unit)
            let identity = try await session.verifyAccount()
            #expect(identity.arn.hasSuffix("/chargeback-\(unit.id)"))
        }
    }

    @Test("Role A is asked for with the scope-down policy of the BU's own Role B")
    func roleAStepCarriesScopeDownPolicy() throws {
        let unit = try SampleOrganisation.unit("invest")
        let client = AWSClient(http: NoNetworkHTTPClient(), credentialProvider: SampleOrganisation.reporter,
                               region: SampleOrganisation.region)
        let session = RoleChain(base: SampleOrganisation.reporter, runAsRoleArn: SampleOrganisation.runAsRoleArn,
                                client: client).session(for: unit)
        let roleA = try #require(session.roleA as? CachingCredentialProvider)
        let step = try #require(roleA.base as? AssumeRoleStep)
        #expect(step.step == .roleA)
        #expect(step.input.roleArn == SampleOrganisation.runAsRoleArn)
        #expect(step.input.policy == ScopeDownPolicy.allowingAssumeRole(of: unit.roleArn.text))
        #expect(step.input.externalId == nil)
        #expect(step.input.durationSeconds == 3_600)
        #expect(step.input.roleSessionName == "chargeback-invest")

        let roleB = try #require(session.roleB as? CachingCredentialProvider)
        let stepB = try #require(roleB.base as? AssumeRoleStep)
        #expect(stepB.step == .roleB)
        #expect(stepB.input.roleArn == unit.roleArn.text)
        #expect(stepB.input.externalId == unit.externalId)
        #expect(stepB.input.policy == nil)
        #expect(stepB.input.durationSeconds == 3_600)
    }
}

@Suite("RoleChain: failures name the step and the AWS error code", .timeLimit(.minutes(1)))
struct RoleChainFailureTests {
    /// Runs the chain for `unit` and returns the error its Role B credentials fail with.
    static func chainError(_ sandbox: SandboxFixture, unit: BusinessUnitConfig,
                           base: any CredentialProvider = SampleOrganisation.reporter) async throws -> RoleChainError {
        let session = sandbox.chain(runAsRoleArn: SampleOrganisation.runAsRoleArn, base: base).session(for: unit)
        let error = await #expect(throws: RoleChainError.self) { _ = try await session.roleB.credentials() }
        return try #require(error)
    }

    @Test("a wrong ExternalId is refused by Role B")
    func wrongExternalId() async throws {
        var unit = try SampleOrganisation.unit("retail")
        unit.externalId = SandboxScenarios.dataSourceArn("athena-invest")
        try await withSandbox { sandbox in
            let error = try await Self.chainError(sandbox, unit: unit)
            #expect(error.step == .roleB)
            #expect(error.code == "AccessDenied")
            #expect("\(error)".contains(unit.roleArn.text))
        }
    }

    @Test("a Role A that does not trust the reporter is refused at Role A")
    func roleADistrustsReporter() async throws {
        let unit = try SampleOrganisation.unit("retail")
        try await withSandbox(scenario: SampleOrganisation.scenarioWhereRoleADistrustsReporter()) { sandbox in
            let error = try await Self.chainError(sandbox, unit: unit)
            #expect(error.step == .roleA)
            #expect(error.code == "AccessDenied")
            #expect("\(error)".contains(SampleOrganisation.runAsRoleArn))
        }
    }

    @Test("a Role B that does not exist is AccessDenied at Role B, as in AWS")
    func missingRoleB() async throws {
        var unit = try SampleOrganisation.unit("retail")
        unit.roleArn = try #require(IAMRoleARN("arn:aws:iam::222222222222:role/no-such-role"))
        try await withSandbox { sandbox in
            let error = try await Self.chainError(sandbox, unit: unit)
            #expect(error.step == .roleB)
            #expect(error.code == "AccessDenied")
        }
    }

    @Test("base credentials STS does not know fail at the first step with InvalidClientTokenId")
    func badBaseCredentials() async throws {
        let unit = try SampleOrganisation.unit("retail")
        try await withSandbox { sandbox in
            let error = try await Self.chainError(sandbox, unit: unit, base: SampleOrganisation.unknownKeys)
            #expect(error.step == .roleA)
            #expect(error.code == "InvalidClientTokenId")
            #expect(!"\(error)".contains(SampleOrganisation.unknownKeys.fixedCredentials.secretAccessKey))
        }
    }

    @Test("deny_account on the BU's account: Athena calls as Role B are denied, GetCallerIdentity never is")
    func deniedUnitAccount() async throws {
        let unit = try SampleOrganisation.unit("invest")
        try await withSandbox(faults: "deny_account=\(unit.accountId)") { sandbox in
            let session = sandbox.chain(runAsRoleArn: SampleOrganisation.runAsRoleArn).session(for: unit)
            // The AssumeRole calls are made from the central account, so the chain itself works.
            _ = try await session.roleB.credentials()
            // No policy can deny sts:GetCallerIdentity on AWS.
            try await session.verifyAccount()
            let athenaError = await #expect(throws: AWSServiceError.self) {
                _ = try await AthenaClient(client: session.client(region: SampleOrganisation.region)).listWorkGroups()
            }
            #expect(athenaError?.code == "AccessDeniedException")
        }
    }

    @Test("deny_account on the central account: Role A is denied")
    func deniedCentralAccount() async throws {
        let unit = try SampleOrganisation.unit("invest")
        try await withSandbox(faults: "deny_account=\(SampleOrganisation.centralAccountId)") { sandbox in
            let error = try await Self.chainError(sandbox, unit: unit)
            #expect(error.step == .roleA)
            #expect(error.code == "AccessDenied")
        }
    }

    @Test("wrong_account: the chain works but verifyAccount refuses the other account")
    func wrongAccount() async throws {
        let unit = try SampleOrganisation.unit("retail")
        try await withSandbox(faults: "wrong_account=\(unit.accountId)") { sandbox in
            let session = sandbox.chain(runAsRoleArn: SampleOrganisation.runAsRoleArn).session(for: unit)
            let error = await #expect(throws: RoleChainError.self) { try await session.verifyAccount() }
            guard case let .wrongAccount(businessUnit, expected, actual, _) = try #require(error) else {
                Issue.record("expected wrongAccount, got \(String(describing: error))")
                return
            }
            #expect(businessUnit == "retail")
            #expect(expected == unit.accountId)
            #expect(actual != unit.accountId)
            #expect(error?.code == "WrongAccount")
            #expect(error?.step == .identity)
        }
    }
}

@Suite("RoleChain: sessions outlive their one-hour credentials", .timeLimit(.minutes(1)))
struct RoleChainExpiryTests {
    static let tenMinutes: TimeInterval = 600

    @Test("five simulated hours of Athena calls as Role B never fail, with a refresh about every 50 minutes",
          arguments: [false, true])
    func refreshesBeforeExpiry(throughRoleA: Bool) async throws {
        let unit = try SampleOrganisation.unit("retail")
        try await withSandbox { sandbox in
            let session = sandbox.chain(runAsRoleArn: throughRoleA ? SampleOrganisation.runAsRoleArn : nil).session(for: unit)
            let athena = AthenaClient(client: session.client(region: SampleOrganisation.region))
            for step in 0...30 {
                if step > 0 { sandbox.clock.advance(by: Self.tenMinutes) }
                let page = try await athena.listWorkGroups()
                #expect(!page.workGroups.isEmpty)
            }
            // One assumption per role at the start, then one per role at each 50-minute refresh.
            let roles = throughRoleA ? 2 : 1
            let calls = sandbox.assumeRoleCalls()
            #expect((5 * roles...7 * roles).contains(calls), "\(calls) AssumeRole calls for \(roles) role(s) over 5 hours")
            // Refreshed before expiry: no call was ever refused for an expired session.
            #expect(sandbox.expiredTokenRejections == 0)
            #expect(sandbox.counters.requests(service: "athena", operation: "ListWorkGroups", account: unit.accountId) == 31)
        }
    }

    @Test("sessions that die early (expire_early=120) are re-assumed on ExpiredToken, Role A included")
    func reassumesAfterEarlyExpiry() async throws {
        let unit = try SampleOrganisation.unit("retail")
        try await withSandbox(faults: "expire_early=120") { sandbox in
            let session = sandbox.chain(runAsRoleArn: SampleOrganisation.runAsRoleArn).session(for: unit)
            let roleA = try #require(session.roleA)
            let athena = AthenaClient(client: session.client(region: SampleOrganisation.region))

            _ = try await athena.listWorkGroups()
            #expect(sandbox.assumeRoleCalls() == 2)
            let firstRoleA = try await roleA.credentials()
            let firstRoleB = try await session.roleB.credentials()
            // Expiration still promises an hour, so the cache alone would keep the dead sessions.
            #expect(try #require(firstRoleB.expiration).timeIntervalSince(sandbox.clock.signingNow()) > 3_000)

            sandbox.clock.advance(by: 180)
            _ = try await athena.listWorkGroups()
            // Athena refused Role B, so it was re-assumed; STS then refused the dead Role A, so it was
            // re-assumed first.
            #expect(sandbox.expiredTokenRejections == 2)
            #expect(sandbox.assumeRoleCalls() == 4)
            #expect(try await roleA.credentials().accessKeyId != firstRoleA.accessKeyId)
            #expect(try await session.roleB.credentials().accessKeyId != firstRoleB.accessKeyId)
            #expect(try await session.verifyAccount().account == unit.accountId)
        }
    }

    @Test("without Role A, an early-expired Role B is re-assumed from the base credentials")
    func reassumesDirectRoleB() async throws {
        let unit = try SampleOrganisation.unit("risk")
        try await withSandbox(faults: "expire_early=120") { sandbox in
            let session = sandbox.chain(runAsRoleArn: nil).session(for: unit)
            let athena = AthenaClient(client: session.client(region: "eu-west-1"))
            _ = try await athena.listWorkGroups()
            sandbox.clock.advance(by: 180)
            let page = try await athena.listWorkGroups()
            #expect(page.workGroups.compactMap(\.name) == ["models", "primary"])
            #expect(sandbox.expiredTokenRejections == 1)
            #expect(sandbox.assumeRoleCalls() == 2)
        }
    }
}

@Suite("role chain rate limiters", .timeLimit(.minutes(1)))
struct RoleChainRateLimiterTests {
    static func unit(_ id: String, account: String) throws -> BusinessUnitConfig {
        BusinessUnitConfig(id: id, name: id, accountId: account,
                           roleArn: try #require(IAMRoleARN("arn:aws:iam::\(account):role/qs-athena-consumer-role")),
                           externalId: "external-\(id)", regions: ["us-east-1"], workgroups: nil, costCenter: nil, budget: nil)
    }

    static func chain(rateLimits: RateLimitTable?) -> RoleChain {
        let client = AWSClient(http: NoNetworkHTTPClient(), credentialProvider: StaticCredentialProvider(
            AWSCredentials(accessKeyId: "AKIAEXAMPLE000000001", secretAccessKey: "example")), region: "us-east-1")
        return RoleChain(base: client.credentialProvider, runAsRoleArn: nil, client: client, rateLimits: rateLimits)
    }

    @Test func businessUnitsShareTheirAccountsLimiterAndNoOther() throws {
        let chain = Self.chain(rateLimits: .awsDefaults)
        let retail = chain.session(for: try Self.unit("retail", account: "222222222222"))
        let retailAgain = chain.session(for: try Self.unit("retail-cards", account: "222222222222"))
        let invest = chain.session(for: try Self.unit("invest", account: "333333333333"))
        let retailLimiter = try #require(retail.rateLimiter)
        #expect(retailAgain.rateLimiter === retailLimiter)
        #expect(invest.rateLimiter !== retailLimiter)
        #expect(retail.client(region: "eu-west-1").rateLimiter === retailLimiter)
    }

    @Test func noTableMeansNoLimiter() throws {
        #expect(Self.chain(rateLimits: nil).session(for: try Self.unit("retail", account: "222222222222")).rateLimiter == nil)
    }
}

@Suite("Pacing per account")
struct AccountPacingTests {
    @Test("BUs that share an account share its pace; a BU in the central account is paced by the central limiter, once")
    func sharedAccounts() throws {
        let central = RateLimiter(table: .awsDefaults)
        let client = AWSClient(http: NoNetworkHTTPClient(), credentialProvider: SampleOrganisation.reporter,
                               region: SampleOrganisation.region, rateLimiter: central)
        let chain = RoleChain(base: SampleOrganisation.reporter, runAsRoleArn: nil, client: client,
                              rateLimits: .awsDefaults, sharedLimiters: [SampleOrganisation.centralAccountId: central])
        let retail = try SampleOrganisation.unit("retail")
        var retailAgain = retail
        retailAgain.id = "retail-cards"
        var inCentral = retail
        inCentral.id = "central-analytics"
        inCentral.accountId = SampleOrganisation.centralAccountId
        let retailLimiter = try #require(chain.session(for: retail).rateLimiter)
        #expect(chain.session(for: retailAgain).rateLimiter === retailLimiter)
        #expect(chain.session(for: inCentral).rateLimiter === central)
        #expect(retailLimiter !== central)
        #expect(chain.session(for: try SampleOrganisation.unit("risk")).rateLimiter !== retailLimiter)
    }
}
