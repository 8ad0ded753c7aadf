import AWSCore
import Foundation
import Testing

/// One case of the AWS SigV4 test suite, named by its directory under Fixtures/sigv4.
struct SigV4SuiteCase: Sendable, CustomTestStringConvertible {
    let path: String
    var testDescription: String { path }
    private var name: String { String(path.split(separator: "/").last!) }

    static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("sigv4")

    func file(_ suffix: String) throws -> String {
        let url = Self.root.appendingPathComponent(path).appendingPathComponent("\(name).\(suffix)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The session token the case signs with: the one its signed request (.sreq) carries, if any.
    func sessionToken() throws -> String? {
        try RawHTTPRequestParser.parse(file("sreq")).headers["X-Amz-Security-Token"]
    }
}

@Suite struct SigV4SignerTests {
    static let suiteDate = ISO8601DateFormatter().date(from: "2015-08-30T12:36:00Z")!
    static let accessKeyId = "AKIDEXAMPLE"
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

    /// The suite's cases that apply to services other than S3: all of them but the one below.
    static let applicableCases: [SigV4SuiteCase] = [
        "get-header-key-duplicate", "get-header-value-multiline", "get-header-value-order", "get-header-value-trim",
        "get-unreserved", "get-utf8", "get-vanilla", "get-vanilla-empty-query-key", "get-vanilla-query",
        "get-vanilla-query-order-encoded", "get-vanilla-query-order-key", "get-vanilla-query-order-key-case",
        "get-vanilla-query-order-value", "get-vanilla-query-unreserved", "get-vanilla-utf8-query",
        "get-vanilla-with-session-token",
        "normalize-path/get-relative", "normalize-path/get-relative-relative", "normalize-path/get-slash",
        "normalize-path/get-slash-dot-slash", "normalize-path/get-slash-pointless-dot", "normalize-path/get-slashes",
        "normalize-path/get-space", "normalize-path/get-special-character",
        "post-header-key-case", "post-header-key-sort", "post-header-value-case",
        "post-sts-token/post-sts-header-before",
        "post-vanilla", "post-vanilla-empty-query-value", "post-vanilla-query",
        "post-x-www-form-urlencoded", "post-x-www-form-urlencoded-parameters",
    ].map(SigV4SuiteCase.init(path:))

    /// Cases not run against the signer, each with the reason.
    static let skippedCases: [String: String] = [
        "post-sts-token/post-sts-header-after":
            "models services that want the token added after signing; botocore signs it (see tokenIsSignedEvenWhenTheRequestLacksIt)",
    ]

    static func signer(token: String? = nil, region: String = "us-east-1", service: String = "service") -> SigV4Signer {
        SigV4Signer(credentials: AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token),
                    signingName: service, region: region)
    }

    @Test func everySuiteCaseIsRunOrSkippedWithAReason() throws {
        let files = FileManager.default.enumerator(at: SigV4SuiteCase.root, includingPropertiesForKeys: nil)!
        let rootPath = SigV4SuiteCase.root.standardizedFileURL.path + "/"
        var found: Set<String> = []
        for case let url as URL in files where url.pathExtension == "req" {
            found.insert(String(url.deletingLastPathComponent().standardizedFileURL.path.dropFirst(rootPath.count)))
        }
        let listed = Set(Self.applicableCases.map(\.path)).union(Self.skippedCases.keys)
        #expect(found.count == 34)
        #expect(found == listed)
    }

    @Test(arguments: applicableCases)
    func matchesTheSuite(_ suiteCase: SigV4SuiteCase) throws {
        let request = try RawHTTPRequestParser.parse(suiteCase.file("req"))
        let result = try Self.signer(token: suiteCase.sessionToken()).signing(request, date: Self.suiteDate)

        #expect(result.canonicalRequest == (try suiteCase.file("creq")))
        #expect(result.stringToSign == (try suiteCase.file("sts")))
        #expect(result.authorization == (try suiteCase.file("authz")))
        #expect(result.request.headers.all("Authorization") == [try suiteCase.file("authz")])
    }

    @Test func tokenIsSignedEvenWhenTheRequestLacksIt() throws {
        let after = SigV4SuiteCase(path: "post-sts-token/post-sts-header-after")
        let before = SigV4SuiteCase(path: "post-sts-token/post-sts-header-before")
        let token = try #require(try before.sessionToken())
        let request = try RawHTTPRequestParser.parse(after.file("req"))
        #expect(!request.headers.contains("X-Amz-Security-Token"))

        let result = Self.signer(token: token).signing(request, date: Self.suiteDate)

        #expect(result.request.headers["X-Amz-Security-Token"] == token)
        #expect(result.canonicalRequest == (try before.file("creq")))
        #expect(result.authorization == (try before.file("authz")))
        #expect(result.authorization != (try after.file("authz")))
    }

    @Test func addsHostWithNonDefaultPortDateAndNoTokenForLongTermKeys() throws {
        let date = ISO8601DateFormatter().date(from: "2024-02-29T23:59:59Z")!
        let request = HTTPRequest(method: "POST", scheme: "http", host: "127.0.0.1", port: 4566, path: "/")

        let result = Self.signer(region: "eu-west-2", service: "athena").signing(request, date: date)

        #expect(result.request.headers["Host"] == "127.0.0.1:4566")
        #expect(result.request.headers["X-Amz-Date"] == "20240229T235959Z")
        #expect(!result.request.headers.contains("X-Amz-Security-Token"))
        #expect(result.credentialScope == "20240229/eu-west-2/athena/aws4_request")
        #expect(result.authorization.hasPrefix(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240229/eu-west-2/athena/aws4_request, SignedHeaders=host;x-amz-date, Signature="))
        #expect(result.canonicalRequest.contains("\nhost:127.0.0.1:4566\n"))
    }

    @Test func keepsAnExplicitHostHeader() {
        var request = HTTPRequest(method: "GET", host: "10.0.0.1", path: "/")
        request.headers["Host"] = "athena.us-east-1.amazonaws.com"

        let signed = Self.signer().sign(request, date: Self.suiteDate)

        #expect(signed.headers.all("Host") == ["athena.us-east-1.amazonaws.com"])
    }

    @Test func leavesTransportHeadersUnsignedAndReplacesAStaleAuthorization() {
        var request = HTTPRequest(method: "POST", host: "example.amazonaws.com")
        request.headers["User-Agent"] = "chargeback/0.1"
        request.headers["Expect"] = "100-continue"
        request.headers["X-Amzn-Trace-Id"] = "Root=1-5759e988-bd862e3fe1be46a994272793"
        request.headers["Authorization"] = "AWS4-HMAC-SHA256 stale"
        request.headers["Content-Type"] = "application/x-amz-json-1.1"

        let result = Self.signer().signing(request, date: Self.suiteDate)

        #expect(result.signedHeaders == "content-type;host;x-amz-date")
        #expect(result.request.headers.all("Authorization") == [result.authorization])
        #expect(result.request.headers["User-Agent"] == "chargeback/0.1")
    }

    @Test func resigningGivesTheSameHeadersAndSignature() {
        let request = HTTPRequest(method: "POST", host: "sts.us-east-1.amazonaws.com", body: Data("Action=GetCallerIdentity".utf8))
        let signer = Self.signer(token: "token-value")

        let once = signer.sign(request, date: Self.suiteDate)
        let twice = signer.sign(once, date: Self.suiteDate)

        #expect(twice == once)
    }

    @Test func signatureDependsOnDateRegionServiceAndBody() {
        let request = HTTPRequest(method: "POST", host: "example.amazonaws.com", body: Data("{}".utf8))
        let base = Self.signer().signing(request, date: Self.suiteDate).signature
        var otherBody = request
        otherBody.body = Data("{ }".utf8)

        let variants = [
            Self.signer().signing(request, date: Self.suiteDate.addingTimeInterval(1)).signature,
            Self.signer(region: "us-west-2").signing(request, date: Self.suiteDate).signature,
            Self.signer(service: "athena").signing(request, date: Self.suiteDate).signature,
            Self.signer().signing(otherBody, date: Self.suiteDate).signature,
        ]

        #expect(Set(variants + [base]).count == 5)
    }

    /// The raw path is encoded a second time, and query parameters are normalised to upper-case
    /// percent-encoding, sorted by encoded key then value.
    @Test(arguments: [
        ("/accounts/111122223333/data-sources/a%20b", "", "/accounts/111122223333/data-sources/a%2520b", ""),
        ("/a/./b/../c//d", "", "/a/c/d", ""),
        ("", "", "/", ""),
        ("/", "next-token=a%2fb%3D%3D&max-results=100", "/", "max-results=100&next-token=a%2Fb%3D%3D"),
        ("/", "b=2&a&a=1", "/", "a=&a=1&b=2"),
        ("/", "q=x%20y+z", "/", "q=x%20y%2Bz"),
    ])
    func canonicalPathAndQuery(path: String, query: String, canonicalPath: String, canonicalQuery: String) {
        let request = HTTPRequest(method: "GET", host: "example.amazonaws.com", path: path, query: query)

        let lines = Self.signer().signing(request, date: Self.suiteDate).canonicalRequest.components(separatedBy: "\n")

        #expect(lines[1] == canonicalPath)
        #expect(lines[2] == canonicalQuery)
    }

    @Test func descriptionsShowNeitherSecretNorToken() {
        let signer = Self.signer(token: "SESSION-TOKEN-VALUE")
        let result = signer.signing(HTTPRequest(method: "GET", host: "example.amazonaws.com"), date: Self.suiteDate)

        for text in [String(describing: signer), "\(signer)", String(reflecting: signer), String(describing: result)] {
            #expect(!text.contains(Self.secret))
            #expect(!text.contains("SESSION-TOKEN-VALUE"))
        }
    }
}
