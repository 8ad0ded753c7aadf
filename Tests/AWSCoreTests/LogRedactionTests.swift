import ChargebackTestSupport
import AWSCore
import Foundation
import Testing

@Suite struct LogRedactionTests {
    static let secret = "SECRETxKEYx0123456789abcdefghijklmnopqrs"
    static let token = "SESSIONxTOKENxIQoJb3JpZ2luX2VjEXAMPLExTOKEN"
    static let credentials = AWSCredentials(
        accessKeyId: "ASIAEXAMPLEKEYID", secretAccessKey: secret, sessionToken: token,
        expiration: Date(timeIntervalSince1970: 1_900_000_000))

    struct Input: Encodable {
        var MaxResults: Int
    }

    struct Output: Decodable {}

    static func expectNoSecret(in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!text.contains(secret), "secret access key leaked into: \(text.prefix(80))", sourceLocation: sourceLocation)
        #expect(!text.contains(token), "session token leaked into: \(text.prefix(80))", sourceLocation: sourceLocation)
    }

    @Test func credentialsDescriptionsRedactSecretAndToken() {
        let texts = [String(describing: Self.credentials), "\(Self.credentials)", String(reflecting: Self.credentials), "\([Self.credentials])"]
        for text in texts {
            Self.expectNoSecret(in: text)
            #expect(text.contains("ASIAEXAMPLEKEYID"))
            #expect(text.contains("<redacted>"))
        }
    }

    @Test func traceLogsAndErrorsOfRetriedAndFailedCallsCarryNoSecret() async throws {
        let capture = LogCapture()
        let http = StubHTTPClient { request, index in
            switch index {
            case 0: return HTTPResponse(status: 503, headers: ["x-amzn-RequestId": "r-0"])
            case 1: throw HTTPClientError(kind: .connectionReset, host: request.host, detail: "reset by peer")
            case 2: return HTTPResponse(status: 200, body: Data("{}".utf8))
            default:
                return HTTPResponse(
                    status: 403, headers: ["x-amzn-RequestId": "r-3"],
                    body: Data(#"{"__type":"AccessDeniedException","Message":"User is not authorized"}"#.utf8))
            }
        }
        let client = AWSClient(
            http: http, credentialProvider: StaticCredentialProvider(Self.credentials), region: "us-east-1",
            endpoints: EndpointResolver(environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:4566"]),
            retry: RetryPolicy(maxAttempts: 3, random: { 0.5 }, sleep: SleepRecorder().sleep),
            clock: { Date(timeIntervalSince1970: 1_700_000_000) }, logger: capture.logger(level: .trace))

        _ = try await client.json11(.athena, operation: "ListWorkGroups", input: Input(MaxResults: 1), as: Output.self)
        let failure = await #expect(throws: AWSServiceError.self) {
            try await client.json11(.athena, operation: "ListWorkGroups", input: Input(MaxResults: 1), as: Output.self)
        }

        // The token really was in play: it went out, signed, on every request.
        #expect(http.requests.count == 4)
        #expect(http.requests.allSatisfy { $0.headers["X-Amz-Security-Token"] == Self.token })
        // The logger really heard the calls, retries included.
        let records = capture.records
        #expect(records.filter { $0.message == "request" }.count == 4)
        #expect(records.filter { $0.message == "retrying" }.count == 2)
        for record in records {
            for text in record.allText { Self.expectNoSecret(in: text) }
        }
        let error = try #require(failure)
        #expect(error.code == "AccessDeniedException")
        Self.expectNoSecret(in: String(describing: error))
        Self.expectNoSecret(in: String(reflecting: error))
    }

    @Test func transportAndCredentialErrorsCarryNoSecret() async throws {
        let capture = LogCapture()
        let http = StubHTTPClient { request, _ in
            throw HTTPClientError(kind: .timedOut, host: request.host, detail: "operation timed out after 30000 ms")
        }
        let client = AWSClient(
            http: http, credentialProvider: StaticCredentialProvider(Self.credentials), region: "us-east-1",
            endpoints: EndpointResolver(environment: [:]),
            retry: RetryPolicy(maxAttempts: 2, random: { 0.5 }, sleep: SleepRecorder().sleep),
            logger: capture.logger(level: .trace))

        let failure = await #expect(throws: AWSClientError.self) {
            _ = try await client.query(.sts, operation: "GetCallerIdentity", parameters: [])
        }

        #expect(http.requests.count == 2)
        #expect(capture.records.contains { $0.message == "retrying" })
        for record in capture.records {
            for text in record.allText { Self.expectNoSecret(in: text) }
        }
        let error = try #require(failure)
        Self.expectNoSecret(in: String(describing: error))
        Self.expectNoSecret(in: String(reflecting: error))
    }
}
