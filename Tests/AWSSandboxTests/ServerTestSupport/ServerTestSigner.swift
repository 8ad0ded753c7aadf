import AWSSandbox
import Foundation

/// Credentials a test signs with.
struct TestCredentials {
    var accessKeyId: String
    var secretAccessKey: String
    var sessionToken: String? = nil
}

/// Builds signed requests for the router. The canonicalisation it relies on is checked against
/// AWS's published SigV4 vectors in AuthSigV4VectorTests.
struct ServerTestSigner {
    var credentials: TestCredentials
    var service: String
    var region: String = "us-east-1"
    var host: String = "127.0.0.1"

    func sign(method: String = "POST", uri: String = "/", headers: [(String, String)] = [], body: Data = Data(),
              date: Date) -> SandboxHTTPRequest {
        let amzDate = Self.amzDate(date)
        var all = headers + [("Host", host), ("X-Amz-Date", amzDate)]
        if let token = credentials.sessionToken { all.append(("X-Amz-Security-Token", token)) }
        let signed = Set(all.map { $0.0.lowercased() }).sorted()
        let request = SandboxHTTPRequest(method: method, uri: uri, headers: all, body: body)
        let scopeHeader = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(amzDate.prefix(8))/\(region)/\(service)/aws4_request, SignedHeaders=\(signed.joined(separator: ";")), Signature=0"
        let authorization = SigV4Authorization(header: scopeHeader)!
        let canonical = SigV4Verifier.canonicalRequest(method: method, rawPath: request.rawPath, rawQuery: request.rawQuery,
                                                       headers: all, signedHeaders: signed, body: body)
        let signature = SigV4Verifier.signature(secret: credentials.secretAccessKey, amzDate: amzDate,
                                                authorization: authorization, canonicalRequest: canonical)
        let header = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(authorization.scope), SignedHeaders=\(signed.joined(separator: ";")), Signature=\(signature)"
        return SandboxHTTPRequest(method: method, uri: uri, headers: all + [("Authorization", header)], body: body)
    }

    /// An STS query-protocol call.
    func sts(_ action: String, _ parameters: [String: String] = [:], date: Date) -> SandboxHTTPRequest {
        var form = ["Action": action, "Version": "2011-06-15"]
        form.merge(parameters) { $1 }
        let body = form.sorted { $0.key < $1.key }
            .map { "\(Self.formEncode($0.key))=\(Self.formEncode($0.value))" }.joined(separator: "&")
        return sign(headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], body: Data(body.utf8), date: date)
    }

    /// A JSON 1.1 call ("AmazonAthena.ListQueryExecutions").
    func json(target: String, body: String = "{}", date: Date) -> SandboxHTTPRequest {
        sign(headers: [("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", target)], body: Data(body.utf8), date: date)
    }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func amzDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
