import AWSCore
import AWSServices
import ChargebackTestSupport
import Foundation
import Testing

/// An answer with a good status but a body that cannot be read (garbled or cut on the way) is
/// asked for again, in every protocol, within the client's attempts.
@Suite("Garbled answers are retried")
struct GarbledAnswerRetryTests {
    static func garbled(_ body: Data) -> Data { body.prefix(body.count / 2) + Data("\u{1}<<garbled\"}".utf8) }

    @Test("a garbled STS answer is asked for again and the second answer is used")
    func stsGarbledThenGood() async throws {
        let good = try Fixture.data("sts/assume-role.xml")
        let http = StubHTTPClient(responses: [.xml(Self.garbled(good)), .xml(good)])
        let sts = STSClient(client: TestClients.aws(http))
        let output = try await sts.assumeRole(AssumeRoleInput(roleArn: STSClientTests.roleArn, roleSessionName: "s1"))
        #expect(http.requests.count == 2)
        #expect(output.credentials.accessKeyId == "ASIAIOSFODNN7EXAMPLE")
    }

    @Test("an STS answer without its Result element is retried too, then fails naming the operation")
    func stsMissingResultFailsAfterTheAttempts() async throws {
        let http = StubHTTPClient(always: .xml(Data("<AssumeRoleResponse></AssumeRoleResponse>".utf8)))
        let sts = STSClient(client: TestClients.aws(http))
        do {
            _ = try await sts.assumeRole(AssumeRoleInput(roleArn: STSClientTests.roleArn, roleSessionName: "s1"))
            Issue.record("a response without its result was accepted")
        } catch let error as AWSClientError {
            guard case .invalidResponse(_, let operation, _) = error else { Issue.record("\(error)"); return }
            #expect(operation == "AssumeRole")
        }
        #expect(http.requests.count == 3)
    }

    @Test("a garbled Athena JSON answer is asked for again")
    func athenaGarbledThenGood() async throws {
        let good = Data(#"{"QueryExecutionIds":["a","b"]}"#.utf8)
        let http = StubHTTPClient(responses: [.json(Self.garbled(good)), .json(good)])
        let athena = AthenaClient(client: TestClients.aws(http))
        let page = try await athena.listQueryExecutions(ListQueryExecutionsInput(workGroup: "primary", maxResults: 50))
        #expect(http.requests.count == 2)
        #expect(page.queryExecutionIds == ["a", "b"])
    }
}
