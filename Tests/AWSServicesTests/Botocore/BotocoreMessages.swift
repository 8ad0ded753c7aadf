import AWSCore
import Foundation

/// An HTTP request as both sides describe it to each other: headers in sending order, the body in base64.
struct WireRequest: Codable, Sendable {
    var method: String
    var url: String
    var headers: [[String]]
    var bodyBase64: String

    init(method: String, url: String, headers: [[String]], bodyBase64: String) {
        self.method = method
        self.url = url
        self.headers = headers
        self.bodyBase64 = bodyBase64
    }

    init(_ request: HTTPRequest) {
        self.init(method: request.method, url: request.urlString, headers: request.headers.map { [$0.name, $0.value] },
                  bodyBase64: request.body.base64EncodedString())
    }

    var body: Data { Data(base64Encoded: bodyBase64) ?? Data() }

    /// The values of a header, without regard to case.
    func values(of name: String) -> [String] {
        headers.filter { $0.first?.lowercased() == name.lowercased() }.map { $0.count > 1 ? $0[1] : "" }
    }
}

/// One operation for botocore to build and sign ("action": "call").
struct BotocoreCallJob: Encodable, Sendable {
    struct Credentials: Encodable, Sendable {
        var accessKeyId: String
        var secretAccessKey: String
        var sessionToken: String?
    }

    var action = "call"
    /// botocore's service name ("sts", "athena", "ce", "quicksight").
    var service: String
    var operation: String
    /// The operation's parameters as JSON text; botocore serializes members in the order written here.
    var params: String
    var region: String
    var epochSeconds: Int
    var credentials: Credentials
    /// Our request, for botocore's signer to sign again.
    var ours: WireRequest?
}

/// What botocore's `SigV4Auth` produced for one request.
struct BotocoreSigning: Decodable, Sendable {
    var canonicalRequest: String
    var stringToSign: String
    var authorization: String
    var signingName: String
    var signingRegion: String
}

struct BotocoreCallAnswer: Decodable, Sendable {
    struct Request: Decodable, Sendable {
        var method: String
        var url: String
        var headers: [[String]]
        var bodyBase64: String
        /// Nil when botocore sent the operation unsigned.
        var signing: BotocoreSigning?

        var wire: WireRequest { WireRequest(method: method, url: url, headers: headers, bodyBase64: bodyBase64) }
    }

    var error: String?
    var botocoreVersion: String?
    /// The request botocore built and signed for the operation.
    var botocore: Request?
    /// botocore's request signed again by botocore without the headers only an SDK sends.
    var botocoreWithoutSDKHeaders: BotocoreSigning?
    /// Our request signed again by botocore's signer with the same keys, name, region and time.
    var oursResigned: BotocoreSigning?
}

/// Asks for the endpoint botocore picks with no override ("action": "endpoint").
struct BotocoreEndpointJob: Encodable, Sendable {
    var action = "endpoint"
    var service: String
    var region: String
}

struct BotocoreEndpointAnswer: Decodable, Sendable {
    var error: String?
    var botocoreVersion: String?
    var endpointUrl: String?
}

/// A request for botocore's `SigV4Auth` to sign ("action": "sign").
struct BotocoreSignJob: Encodable, Sendable {
    var action = "sign"
    var request: WireRequest
    var credentials: BotocoreCallJob.Credentials
    var signingName: String
    var signingRegion: String
    var epochSeconds: Int
}

struct BotocoreSignAnswer: Decodable, Sendable {
    var error: String?
    var canonicalRequest: String?
    var stringToSign: String?
    var authorization: String?
}
