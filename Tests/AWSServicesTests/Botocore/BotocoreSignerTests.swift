import AWSCore
import Foundation
import Testing

/// Our `SigV4Signer` against botocore's `SigV4Auth` on requests with the awkward parts the
/// operations above do not reach: headers botocore leaves unsigned, whitespace and repeated
/// headers, dot segments, repeated and empty query parameters, ports, binary bodies.
@Suite("botocore cross-check: SigV4 signer", .timeLimit(.minutes(3))) struct BotocoreSignerTests {
    struct SignerCase: Sendable {
        var name: String
        var request: HTTPRequest
        var credentials = BotocoreCrossCheckTests.longTermKeys
        var signingName = "athena"
        var region = "eu-west-1"
    }

    static let cases: [SignerCase] = [
        SignerCase(
            name: "hop-by-hop, proxy and tracing headers stay unsigned",
            request: HTTPRequest(
                method: "POST", host: "athena.eu-west-1.amazonaws.com",
                headers: HTTPHeaders([
                    ("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "AmazonAthena.ListWorkGroups"),
                    ("Connection", "keep-alive"), ("Keep-Alive", "timeout=5"), ("TE", "trailers"), ("Trailer", "X-Sum"),
                    ("Upgrade", "h2c"), ("Proxy-Authorization", "Basic dXNlcjpwYXNz"), ("Proxy-Authenticate", "Basic"),
                    ("Expect", "100-continue"), ("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793"),
                    ("Transfer-Encoding", "chunked"), ("User-Agent", "chargeback/0.1"),
                ]),
                body: Data("{}".utf8))),
        SignerCase(
            name: "header values trimmed, inner whitespace collapsed, repeated headers joined in order",
            request: HTTPRequest(
                method: "POST", host: "athena.eu-west-1.amazonaws.com",
                headers: HTTPHeaders([
                    ("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Meta-Note", "  two   spaces\tand a tab  "),
                    ("X-Multi", "b"), ("x-multi", " a "), ("X-MiXeD-CaSe", "Value"),
                ]),
                body: Data(#"{"WorkGroup":"primary"}"#.utf8))),
        SignerCase(
            name: "dot segments, empty segments and encoded reserved characters in the path",
            request: HTTPRequest(
                method: "GET", host: "quicksight.eu-west-1.amazonaws.com",
                path: "/accounts/111122223333/./data-sources//a%20b%2Fc%25d~e%C3%BC/../ds%2B1/"),
            signingName: "quicksight"),
        SignerCase(
            name: "query parameters sorted, repeated keys by value, empty and bare values",
            request: HTTPRequest(
                method: "GET", host: "quicksight.us-east-1.amazonaws.com", path: "/accounts/111122223333/data-sets",
                query: "next-token=a%2Fb%2B%3D%20c~&max-results=5&b=2&a=1&a=0&empty=&bare"),
            signingName: "quicksight", region: "us-east-1"),
        SignerCase(
            name: "session token over http on a non-default port",
            request: HTTPRequest(
                method: "POST", scheme: "http", host: "127.0.0.1", port: 4566,
                headers: HTTPHeaders([("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]),
                body: Data("Action=GetCallerIdentity&Version=2011-06-15".utf8)),
            credentials: BotocoreCrossCheckTests.temporaryKeys, signingName: "sts"),
        SignerCase(
            name: "binary body and an empty path",
            request: HTTPRequest(method: "PUT", host: "ce.us-east-1.amazonaws.com", path: "",
                                 body: Data((0...255).map { UInt8($0) })),
            signingName: "ce", region: "us-east-1"),
    ]

    @Test func signaturesMatchBotocore() async throws {
        let date = BotocoreCrossCheckTests.signingDate
        let ours = Self.cases.map { testCase in
            SigV4Signer(credentials: testCase.credentials, signingName: testCase.signingName, region: testCase.region)
                .signing(testCase.request, date: date)
        }
        let jobs = zip(Self.cases, ours).map { testCase, signed in
            BotocoreSignJob(
                request: WireRequest(signed.request),
                credentials: .init(accessKeyId: testCase.credentials.accessKeyId,
                                   secretAccessKey: testCase.credentials.secretAccessKey,
                                   sessionToken: testCase.credentials.sessionToken),
                signingName: testCase.signingName, signingRegion: testCase.region,
                epochSeconds: Int(date.timeIntervalSince1970))
        }
        let answers = try await BotocoreReference.answers(for: jobs, as: BotocoreSignAnswer.self)

        for ((testCase, signed), answer) in zip(zip(Self.cases, ours), answers) {
            if let error = answer.error {
                Issue.record("\(testCase.name): botocore could not sign the request: \(error)")
                continue
            }
            if signed.canonicalRequest != answer.canonicalRequest {
                Issue.record("""
                    \(testCase.name): canonical request differs from botocore's
                    \(TextDiff.lines(ours: signed.canonicalRequest, botocore: answer.canonicalRequest ?? "<none>"))
                    """)
            }
            if signed.authorization != answer.authorization {
                Issue.record("""
                    \(testCase.name): Authorization differs from botocore's
                        ours:     \(signed.authorization)
                        botocore: \(answer.authorization ?? "<none>")
                    """)
            }
        }
    }
}
