import Foundation

/// The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header.
public struct SigV4Authorization: Sendable, Equatable {
    public var accessKeyId: String
    /// yyyyMMdd
    public var date: String
    public var region: String
    public var service: String
    /// Lowercased, as sent (the order is checked when the canonical request is rebuilt).
    public var signedHeaders: [String]
    public var signature: String

    /// "date/region/service/aws4_request"
    public var scope: String { "\(date)/\(region)/\(service)/aws4_request" }

    /// Parses the header; nil when it is not a well-formed SigV4 authorization.
    public init?(header: String) {
        let prefix = "AWS4-HMAC-SHA256 "
        guard header.hasPrefix(prefix) else { return nil }
        var fields: [String: String] = [:]
        for part in header.dropFirst(prefix.count).split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            fields[String(pair[0])] = String(pair[1])
        }
        guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
              let signature = fields["Signature"] else { return nil }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard scope.count == 5, scope[4] == "aws4_request", !scope[0].isEmpty else { return nil }
        self.accessKeyId = scope[0]
        self.date = scope[1]
        self.region = scope[2]
        self.service = scope[3]
        self.signedHeaders = signed.split(separator: ";").map { $0.lowercased() }
        self.signature = signature
    }
}
