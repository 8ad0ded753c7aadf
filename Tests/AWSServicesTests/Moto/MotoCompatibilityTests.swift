import AWSCore
@testable import AWSServices
import Foundation
import Testing

/// The clients against moto's server on loopback. moto is a second, independent implementation
/// of the wire formats: it parses our requests and, with authentication on, recomputes our
/// SigV4 signatures, so a signing bug fails these tests.
@Suite("moto compatibility", .timeLimit(.minutes(2)))
struct MotoCompatibilityTests {
    static let centralAccount = "123456789012"   // moto's default account
    static let consumerAccount = "222222222222"

    @Test("Role A → Role B with an ExternalId and a scope-down policy, then Athena and Cost Explorer as Role B")
    func roleChainAthenaAndCostExplorer() async throws {
        let moto = try await MotoServer.start()
        defer { moto.stop() }
        let setup = MotoSetup(moto: moto)
        let reporter = try await setup.createAdminUser("reporter")
        let roleA = try await setup.createRole("role-a", trusting: ["arn:aws:iam::\(Self.centralAccount):user/reporter"])
        let roleB = try await setup.createRole(
            "role-b", in: Self.consumerAccount,
            trusting: ["arn:aws:sts::\(Self.centralAccount):assumed-role/role-a/chargeback-retail"],
            externalId: "arn:aws:quicksight:us-east-1:\(Self.centralAccount):datasource/athena-retail")
        try await moto.enableAuthentication()

        let base = setup.client(credentials: reporter)
        let identity = try await STSClient(client: base).getCallerIdentity()
        #expect(identity.account == Self.centralAccount)
        #expect(identity.arn == "arn:aws:iam::\(Self.centralAccount):user/reporter")

        let scopeDown = #"{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Resource":"\#(roleB)"}],"Version":"2012-10-17"}"#
        let sessionA = try await STSClient(client: base).assumeRole(
            AssumeRoleInput(roleArn: roleA, roleSessionName: "chargeback-retail", policy: scopeDown, durationSeconds: 3600))
        #expect(sessionA.assumedRoleUser.arn == "arn:aws:sts::\(Self.centralAccount):assumed-role/role-a/chargeback-retail")
        #expect(sessionA.credentials.sessionToken?.isEmpty == false)
        #expect(sessionA.credentials.expiration.map { $0 > Date() } == true)

        let viaA = setup.client(credentials: sessionA.credentials)
        let sessionB = try await STSClient(client: viaA).assumeRole(
            AssumeRoleInput(roleArn: roleB, roleSessionName: "chargeback-retail",
                            externalId: "arn:aws:quicksight:us-east-1:\(Self.centralAccount):datasource/athena-retail"))
        let asRoleB = setup.client(credentials: sessionB.credentials)
        let consumerIdentity = try await STSClient(client: asRoleB).getCallerIdentity()
        #expect(consumerIdentity.account == Self.consumerAccount)
        #expect(consumerIdentity.arn.hasPrefix("arn:aws:sts::\(Self.consumerAccount):assumed-role/role-b/"))

        // Athena as Role B: the default workgroup, then one execution we start.
        let athena = AthenaClient(client: asRoleB)
        let workGroups = try await athena.listWorkGroups()
        #expect(workGroups.workGroups.compactMap(\.name).contains("primary"))
        let started = try await athena.startQueryExecution(StartQueryExecutionInput(
            queryString: "SELECT 1", resultConfiguration: AthenaResultConfiguration(outputLocation: "s3://results/"),
            workGroup: "primary"))
        let listed = try await athena.listQueryExecutions(ListQueryExecutionsInput(workGroup: "primary", maxResults: 50))
        #expect(listed.queryExecutionIds.contains(started))

        // Cost Explorer as Role B: moto answers with the result queued for the account.
        try await moto.queueCostAndUsage(accountId: Self.consumerAccount, results: [[
            "ResultsByTime": [[
                "TimePeriod": ["Start": "2026-10-01", "End": "2026-11-01"],
                "Total": [:],
                "Groups": [["Keys": ["Amazon Athena", "USE1-DataScannedInTB"],
                            "Metrics": ["UnblendedCost": ["Amount": "123.4567891234", "Unit": "USD"]]]],
                "Estimated": false,
            ]],
            "DimensionValueAttributes": [],
        ]])
        let costs = try await CostExplorerClient(client: asRoleB).getCostAndUsage(GetCostAndUsageInput(
            timePeriod: CostDateInterval(start: "2026-10-01", end: "2026-11-01"), granularity: .monthly,
            metrics: ["UnblendedCost"], filter: .dimension("SERVICE", ["Amazon Athena"]),
            groupBy: [.dimension("SERVICE"), .dimension("USAGE_TYPE")]))
        let group = try #require(costs.resultsByTime.first?.groups.first)
        #expect(group.keys == ["Amazon Athena", "USE1-DataScannedInTB"])
        #expect(group.metrics["UnblendedCost"]?.decimalAmount == Decimal(string: "123.4567891234"))
        #expect(costs.resultsByTime.first?.estimated == false)
    }

    @Test("a wrong signature is rejected once authentication is on", arguments: ["STS", "Athena"])
    func wrongSignatureFails(service: String) async throws {
        let moto = try await MotoServer.start()
        defer { moto.stop() }
        let setup = MotoSetup(moto: moto)
        let reporter = try await setup.createAdminUser("reporter")
        try await moto.enableAuthentication()

        var forged = reporter
        forged.secretAccessKey = String(reporter.secretAccessKey.reversed())
        let client = setup.client(credentials: forged)
        let error = await #expect(throws: AWSServiceError.self) {
            if service == "STS" {
                _ = try await STSClient(client: client).getCallerIdentity()
            } else {
                _ = try await AthenaClient(client: client).listWorkGroups()
            }
        }
        #expect(error?.code == "SignatureDoesNotMatch")
        #expect(error?.service == service)
        // The right key still works: the failure was the signature, not the setup.
        #expect(try await STSClient(client: setup.client(credentials: reporter)).getCallerIdentity().account == Self.centralAccount)
    }

    @Test("QuickSight ListDataSources returns AthenaParameters.ConsumerAccountRoleArn")
    func quickSightDataSources() async throws {
        // moto fails every QuickSight GET with authentication on (a moto bug), so this runs without it.
        let moto = try await MotoServer.start()
        defer { moto.stop() }
        let setup = MotoSetup(moto: moto)
        let credentials = AWSCredentials(accessKeyId: "AKIAEXAMPLEEXAMPLE01", secretAccessKey: "example-secret")
        let roleA = "arn:aws:iam::\(Self.centralAccount):role/qs-athena-cross-account-role-a"
        let roleB = "arn:aws:iam::\(Self.consumerAccount):role/qs-athena-consumer-role"
        try await setup.createAthenaDataSource(id: "athena-retail", workGroup: "bi", roleArn: roleA, consumerRoleArn: roleB,
                                               credentials: credentials)

        let quickSight = QuickSightClient(client: setup.client(credentials: credentials))
        let page = try await quickSight.listDataSources(accountId: Self.centralAccount)
        let source = try #require(page.dataSources.first { $0.dataSourceId == "athena-retail" })
        #expect(source.type == "ATHENA")
        #expect(source.dataSourceParameters?.athenaParameters?.consumerAccountRoleArn == roleB)
        #expect(source.dataSourceParameters?.athenaParameters?.roleArn == roleA)
        #expect(source.dataSourceParameters?.athenaParameters?.workGroup == "bi")
        #expect(source.arn == "arn:aws:quicksight:us-east-1:\(Self.centralAccount):datasource/athena-retail")
    }
}
