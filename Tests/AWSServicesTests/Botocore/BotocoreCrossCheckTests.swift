import ChargebackTestSupport
import AWSCore
import AWSServices
import Foundation
import Testing

/// Proves that what we send is what AWS's own SDK sends: each operation is called through our
/// client (a recording stub answers) and through botocore (a hook captures the request), both
/// signing at the same instant with the same keys, and the two requests are compared.
/// botocore must be installed: `make test` installs it; without it these tests fail.
@Suite("botocore cross-check", .timeLimit(.minutes(3))) struct BotocoreCrossCheckTests {
    /// 2026-11-29T12:00:00Z.
    static let signingDate = Date(timeIntervalSince1970: 1_795_953_600)
    static let longTermKeys = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    /// A session token with "/", "+" and "=", as real ones have.
    static let temporaryKeys = AWSCredentials(
        accessKeyId: "ASIAEXAMPLEEXAMPLE", secretAccessKey: "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        sessionToken: "FwoGZXIvYXdzEXAMPLE//ZmFrZSB0b2tlbg+with=padding==")

    @Test(arguments: CrossCheckCase.all)
    func requestMatchesBotocore(_ testCase: CrossCheckCase) async throws {
        // Signed operations are checked with long-term keys and with temporary ones (session token).
        let variants: [AWSCredentials?] = testCase.signed ? [Self.longTermKeys, Self.temporaryKeys] : [nil]
        var sent: [HTTPRequest] = []
        for credentials in variants {
            sent.append(try await Self.ourRequest(for: testCase, credentials: credentials))
        }
        let jobs = zip(variants, sent).map { Self.job(for: testCase, credentials: $0, ours: $1) }
        let answers = try await BotocoreReference.answers(for: jobs, as: BotocoreCallAnswer.self)

        for ((credentials, request), answer) in zip(zip(variants, sent), answers) {
            let comparison = WireComparison(
                ours: request, ourSigning: credentials.map { Self.ourSigning(of: request, with: $0, case: testCase) },
                answer: answer)
            let differences = comparison.differences()
            let variant = credentials == nil ? "unsigned" : credentials?.sessionToken == nil ? "long-term keys" : "session token"
            if !differences.isEmpty {
                Issue.record("""
                    \(testCase.name) [\(variant)]: our request differs from botocore \(answer.botocoreVersion ?? "?")'s:
                    \(differences.map { "  • " + $0 }.joined(separator: "\n"))
                    """)
            }
        }
    }

    /// The unsigned operation must not even ask for credentials.
    @Test func assumeRoleWithWebIdentityAsksForNoCredentials() async throws {
        let testCase = try #require(CrossCheckCase.sts.first { !$0.signed })
        let request = try await Self.ourRequest(for: testCase, credentials: nil)
        #expect(request.headers["Authorization"] == nil)
        #expect(request.headers["X-Amz-Date"] == nil)
    }

    /// Calls the operation through our client and returns the one request it sent.
    static func ourRequest(for testCase: CrossCheckCase, credentials: AWSCredentials?) async throws -> HTTPRequest {
        let http = StubHTTPClient(try testCase.response)
        let provider: any CredentialProvider = credentials.map { StaticCredentialProvider($0) }
            ?? RefusingCredentialProvider()
        let signingDate = Self.signingDate
        let client = AWSClient(
            http: http, credentialProvider: provider, region: testCase.region,
            endpoints: EndpointResolver(environment: [:]), retry: RetryPolicy(maxAttempts: 1),
            clock: { signingDate })
        try await testCase.call(client)
        #expect(http.requests.count == 1, "\(testCase.name): expected exactly one request")
        return try #require(http.requests.first)
    }

    /// The botocore job for the same operation, input, keys and instant, carrying our request to re-sign.
    static func job(for testCase: CrossCheckCase, credentials: AWSCredentials?, ours: HTTPRequest) -> BotocoreCallJob {
        // botocore wants keys even for an unsigned operation; it does not use them there.
        let keys = credentials ?? longTermKeys
        return BotocoreCallJob(
            service: testCase.botocoreService, operation: testCase.operation, params: testCase.botocoreParams,
            region: testCase.region, epochSeconds: Int(signingDate.timeIntervalSince1970),
            credentials: .init(accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey,
                               sessionToken: keys.sessionToken),
            ours: WireRequest(ours))
    }

    /// Our signer run again on the request as sent, to expose the canonical request behind its signature.
    static func ourSigning(of request: HTTPRequest, with credentials: AWSCredentials, case testCase: CrossCheckCase)
        -> SigV4SigningResult
    {
        var unsigned = request
        unsigned.headers.remove("Authorization")
        let signer = SigV4Signer(credentials: credentials, signingName: testCase.service.signingName,
                                 region: testCase.service.signingRegion(for: testCase.region))
        return signer.signing(unsigned, date: Self.signingDate)
    }
}
