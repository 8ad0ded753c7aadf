import ChargebackTestSupport
import AWSCore
import ChargebackBuildInfo
import Foundation
import Testing

@Suite(.timeLimit(.minutes(1))) struct AWSClientTests {
    static let date = ISO8601DateFormatter().date(from: "2015-08-30T12:36:00Z")!
    static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    struct ListWorkGroupsInput: Encodable {
        var MaxResults: Int
    }

    struct ListWorkGroupsOutput: Decodable, Equatable {
        struct WorkGroup: Decodable, Equatable {
            var Name: String
        }
        var WorkGroups: [WorkGroup]
    }

    struct Empty: Decodable {}

    static let workGroupsBody = Data(#"{"WorkGroups":[{"Name":"primary"},{"Name":"analysts"}]}"#.utf8)

    static func client(_ http: StubHTTPClient, region: String = "us-west-2", environment: [String: String] = [:],
                       maxAttempts: Int = 3, sleeps: SleepRecorder = SleepRecorder()) -> AWSClient {
        AWSClient(
            http: http, credentialProvider: StaticCredentialProvider(credentials), region: region,
            endpoints: EndpointResolver(environment: environment),
            retry: RetryPolicy(maxAttempts: maxAttempts, random: { 0.5 }, sleep: sleeps.sleep),
            clock: { date })
    }

    /// Checks the signature against the one AWS's own SDK computes. Each expected Authorization
    /// header below was computed by botocore (`SigV4Auth`, 2015-08-30T12:36:00Z, the AWS test
    /// suite's AKIDEXAMPLE key) for exactly the request the test sends, so a signer that signs
    /// something other than what is sent, or signs it wrongly, fails here.
    static func expectSignature(_ sent: HTTPRequest, _ authorization: String,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(sent.headers["Authorization"] == authorization, sourceLocation: sourceLocation)
    }

    /// botocore's Authorization for the ListWorkGroups request to the endpoint `http://127.0.0.1:4566`.
    static let botocoreListWorkGroupsLocal = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/athena/aws4_request, "
        + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
        + "Signature=a1abb7a3f1724bb2809d0b25f4dd82e6a8eec2cfc679fe319d5810f33c16e4a6"
    /// botocore's Authorization for the ListWorkGroups request to athena.us-west-2.amazonaws.com.
    static let botocoreListWorkGroups = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/athena/aws4_request, "
        + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
        + "Signature=c3c4e822896a86b50639f2f2ef25e131d1624ab1939dcc68d7a1efb5827f98e5"

    // MARK: Endpoints and signing

    @Test func serviceEndpointVariableBeatsTheGlobalOne() async throws {
        let http = StubHTTPClient(always: HTTPResponse(status: 200, body: Self.workGroupsBody))
        let client = Self.client(http, environment: [
            "AWS_ENDPOINT_URL": "http://127.0.0.1:9999", "AWS_ENDPOINT_URL_ATHENA": "http://127.0.0.1:4566",
        ])

        _ = try await client.json11(.athena, operation: "ListWorkGroups", input: ListWorkGroupsInput(MaxResults: 50),
                                    as: ListWorkGroupsOutput.self)

        let sent = try #require(http.requests.first)
        #expect(sent.urlString == "http://127.0.0.1:4566/")
        #expect(sent.headers["Host"] == "127.0.0.1:4566")
        Self.expectSignature(sent, Self.botocoreListWorkGroupsLocal)
    }

    @Test func globalEndpointVariableIsUsedWhenNoServiceOneIsSet() async throws {
        let http = StubHTTPClient(always: HTTPResponse(status: 200, body: Self.workGroupsBody))
        let client = Self.client(http, environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9999"])

        _ = try await client.json11(.athena, operation: "ListWorkGroups", input: ListWorkGroupsInput(MaxResults: 50),
                                    as: ListWorkGroupsOutput.self)

        #expect(http.requests.first?.urlString == "http://127.0.0.1:9999/")
    }

    @Test func costExplorerSignsForUSEast1WhateverTheClientRegion() async throws {
        let http = StubHTTPClient(always: HTTPResponse(status: 200, body: Data("{}".utf8)))
        let client = Self.client(http, region: "eu-west-1")

        _ = try await client.json11(.costExplorer, operation: "GetCostAndUsage", input: ListWorkGroupsInput(MaxResults: 1),
                                    as: Empty.self)

        let sent = try #require(http.requests.first)
        #expect(sent.host == "ce.us-east-1.amazonaws.com")
        #expect(sent.headers["Authorization"]?.contains("Credential=AKIDEXAMPLE/20150830/us-east-1/ce/aws4_request,") == true)
        Self.expectSignature(sent, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/ce/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, "
            + "Signature=66dfee6fe8516aabb70903fad08a9fd395ee67fe48a2f667a7fe4674b0f68502")
    }

    @Test func customEndpointBasePathIsKept() async throws {
        let http = StubHTTPClient(always: HTTPResponse(status: 200, body: Data(#"{"DataSources":[]}"#.utf8)))
        let client = Self.client(http, environment: ["AWS_ENDPOINT_URL_QUICKSIGHT": "https://proxy.example.com:8443/aws/quicksight/"])

        _ = try await client.restJSON(.quickSight, operation: "ListDataSources", path: "/accounts/111122223333/data-sources",
                                      query: [("max-results", "100"), ("next-token", "a/b==")], as: Empty.self)

        let sent = try #require(http.requests.first)
        #expect(sent.method == "GET")
        #expect(sent.urlString
            == "https://proxy.example.com:8443/aws/quicksight/accounts/111122223333/data-sources?max-results=100&next-token=a%2Fb%3D%3D")
        #expect(sent.headers["Host"] == "proxy.example.com:8443")
        Self.expectSignature(sent, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/quicksight/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=178a11d6dd8fdb89d45a2e10e7fa3ae472e32e18bcbe74310ddd212fe0a72927")
    }

    @Test func json11CallSetsTargetContentTypeAndSignature() async throws {
        let http = StubHTTPClient(always: HTTPResponse(status: 200, body: Self.workGroupsBody))
        let client = Self.client(http)

        let output = try await client.json11(.athena, operation: "ListWorkGroups", input: ListWorkGroupsInput(MaxResults: 50),
                                             as: ListWorkGroupsOutput.self)

        #expect(output == ListWorkGroupsOutput(WorkGroups: [.init(Name: "primary"), .init(Name: "analysts")]))
        let sent = try #require(http.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.urlString == "https://athena.us-west-2.amazonaws.com/")
        #expect(sent.headers["X-Amz-Target"] == "AmazonAthena.ListWorkGroups")
        #expect(sent.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(sent.headers["X-Amz-Date"] == "20150830T123600Z")
        #expect(sent.headers["User-Agent"] == "chargeback/\(ChargebackVersion.current)")
        let body = try #require(try JSONSerialization.jsonObject(with: sent.body) as? [String: Int])
        #expect(body == ["MaxResults": 50])
        let authorization = try #require(sent.headers["Authorization"])
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/athena/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="))
        Self.expectSignature(sent, Self.botocoreListWorkGroups)
    }

    // MARK: Retries

    @Test func retriesA503ThenSucceeds() async throws {
        let http = StubHTTPClient { _, index in
            index == 0
                ? HTTPResponse(status: 503, body: Data(#"{"__type":"ServiceUnavailableException"}"#.utf8))
                : HTTPResponse(status: 200, body: Self.workGroupsBody)
        }
        let sleeps = SleepRecorder()
        let client = Self.client(http, sleeps: sleeps)

        let output = try await client.json11(.athena, operation: "ListWorkGroups", input: ListWorkGroupsInput(MaxResults: 50),
                                             as: ListWorkGroupsOutput.self)

        #expect(output.WorkGroups.count == 2)
        #expect(http.requests.count == 2)
        #expect(sleeps.recorded == [0.5])
        for sent in http.requests { Self.expectSignature(sent, Self.botocoreListWorkGroups) }
    }

    @Test(arguments: [1, 3, 4])
    func stopsAtMaxAttempts(maxAttempts: Int) async throws {
        let http = StubHTTPClient(always: HTTPResponse(status: 503, headers: ["x-amzn-RequestId": "req-1"]))
        let sleeps = SleepRecorder()
        let client = Self.client(http, maxAttempts: maxAttempts, sleeps: sleeps)

        let error = await #expect(throws: AWSServiceError.self) {
            try await client.json11(.athena, operation: "ListWorkGroups", input: ListWorkGroupsInput(MaxResults: 50),
                                    as: ListWorkGroupsOutput.self)
        }

        #expect(error?.code == "HTTP503")
        #expect(error?.service == "Athena")
        #expect(error?.operation == "ListWorkGroups")
        #expect(http.requests.count == maxAttempts)
        #expect(sleeps.recorded.count == maxAttempts - 1)
    }

    @Test func doesNotRetryAccessDenied() async throws {
        let http = StubHTTPClient(always: HTTPResponse(
            status: 400, body: Data(#"{"__type":"AccessDeniedException","Message":"not authorized to perform athena:ListWorkGroups"}"#.utf8)))
        let sleeps = SleepRecorder()
        let client = Self.client(http, maxAttempts: 5, sleeps: sleeps)

        let error = await #expect(throws: AWSServiceError.self) {
            try await client.json11(.athena, operation: "ListWorkGroups", input: ListWorkGroupsInput(MaxResults: 50),
                                    as: ListWorkGroupsOutput.self)
        }

        #expect(error?.code == "AccessDeniedException")
        #expect(error?.message == "not authorized to perform athena:ListWorkGroups")
        #expect(http.requests.count == 1)
        #expect(sleeps.recorded.isEmpty)
    }

    @Test func retriesTransportFailuresThenReportsThem() async throws {
        let http = StubHTTPClient { request, _ in
            throw HTTPClientError(kind: .couldNotConnect, host: request.host, detail: "connection refused")
        }
        let client = Self.client(http, environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:1"])

        let error = await #expect(throws: AWSClientError.self) {
            try await client.json11(.athena, operation: "ListWorkGroups", input: ListWorkGroupsInput(MaxResults: 50),
                                    as: ListWorkGroupsOutput.self)
        }

        guard case let .transport(service, operation, cause) = error else {
            Issue.record("expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(service == "Athena")
        #expect(operation == "ListWorkGroups")
        #expect(cause.kind == .couldNotConnect)
        #expect(http.requests.count == 3)
    }

    // MARK: Query protocol

    @Test func queryProtocolReturnsTheResultElement() async throws {
        let xml = """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:iam::111122223333:user/alice</Arn>
                <UserId>AIDAEXAMPLE</UserId>
                <Account>111122223333</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """
        let http = StubHTTPClient(always: HTTPResponse(status: 200, body: Data(xml.utf8)))
        let client = Self.client(http, region: "eu-central-1")

        let result = try await client.query(.sts, operation: "GetCallerIdentity", parameters: [])

        #expect(result.name == "GetCallerIdentityResult")
        #expect(result.string("Account") == "111122223333")
        #expect(result.string("Arn") == "arn:aws:iam::111122223333:user/alice")
        let sent = try #require(http.requests.first)
        #expect(sent.urlString == "https://sts.eu-central-1.amazonaws.com/")
        #expect(String(decoding: sent.body, as: UTF8.self) == "Action=GetCallerIdentity&Version=2011-06-15")
        #expect(sent.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8")
        Self.expectSignature(sent, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-central-1/sts/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, Signature=02eb614c741be9dae6ff5149b7e794aaf28a8c539edecc8bc6157bff8063ae52")
    }

    @Test func queryProtocolWithoutAResultElementIsAnInvalidResponse() async throws {
        let http = StubHTTPClient(always: HTTPResponse(status: 200, body: Data("<SomethingElse/>".utf8)))
        let client = Self.client(http)

        let error = await #expect(throws: AWSClientError.self) {
            try await client.query(.sts, operation: "GetCallerIdentity", parameters: [])
        }

        guard case let .invalidResponse(service, operation, detail) = error else {
            Issue.record("expected an invalid response error, got \(String(describing: error))")
            return
        }
        #expect(service == "STS")
        #expect(operation == "GetCallerIdentity")
        #expect(detail.contains("GetCallerIdentityResult"))
    }

    @Test func unsignedQueryCarriesNoAuthorization() async throws {
        let xml = "<AssumeRoleWithWebIdentityResponse><AssumeRoleWithWebIdentityResult/></AssumeRoleWithWebIdentityResponse>"
        let http = StubHTTPClient(always: HTTPResponse(status: 200, body: Data(xml.utf8)))
        let client = Self.client(http)

        _ = try await client.query(.sts, operation: "AssumeRoleWithWebIdentity", parameters: [("RoleArn", "arn:aws:iam::1:role/r")],
                                   signed: false)

        let sent = try #require(http.requests.first)
        #expect(!sent.headers.contains("Authorization"))
        #expect(!sent.headers.contains("X-Amz-Security-Token"))
    }
}
