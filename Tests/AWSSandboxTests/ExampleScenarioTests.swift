import AWSCore
import AWSSandbox
import AWSServices
import Foundation
import Testing

/// The example scenario in examples/ stays loadable and serves what it says.
@Suite("example scenario file", .timeLimit(.minutes(1)))
struct ExampleScenarioTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/sandbox-scenario.yaml")

    @Test func loadsAndServesTheExample() async throws {
        let scenario = try ScenarioLoader.load(contentsOf: Self.path)
        #expect(scenario.accounts.map(\.id) == ["111111111111", "222222222222"])
        let retailLines = scenario.accounts[1].costLines
        #expect(Set(retailLines.map(\.recordType)).isSuperset(of: ["Usage", "Credit", "Refund", "Tax", "SavingsPlanCoveredUsage"]))
        #expect(retailLines.contains { $0.amount(for: "NetUnblendedCost") != $0.amount(for: "UnblendedCost") })
        let server = SandboxServer(scenario: scenario, options: SandboxOptions(quotas: .off))
        let port = try await server.start(port: 0)
        do {
            let user = try #require(scenario.accounts.first?.users.first)
            let base = AWSClient(http: CurlHTTPClient(), credentialProvider: StaticCredentialProvider(
                AWSCredentials(accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey)),
                region: "us-east-1", endpoints: EndpointResolver(overrideURL: "http://127.0.0.1:\(port)", environment: [:]),
                clock: { server.clock.signingNow() })
            let roleB = try await STSClient(client: base).assumeRole(AssumeRoleInput(
                roleArn: "arn:aws:iam::222222222222:role/qs-athena-consumer-role", roleSessionName: "example",
                externalId: "arn:aws:quicksight:us-east-1:111111111111:datasource/athena-retail"))
            let athena = AthenaClient(client: base.with(credentials: StaticCredentialProvider(roleB.credentials)))
            let bi = try await athena.listQueryExecutions(ListQueryExecutionsInput(workGroup: "bi"))
            #expect(bi.queryExecutionIds == ["6f1d3c2a-0000-4000-8000-000000000003", "6f1d3c2a-0000-4000-8000-000000000002",
                                             "6f1d3c2a-0000-4000-8000-000000000001"])
            let workGroup = try await athena.getWorkGroup(name: "primary")
            #expect(workGroup.configuration?.bytesScannedCutoffPerQuery == 1_099_511_627_776)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }
}
