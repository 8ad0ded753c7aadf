import AWSCore
import Foundation

/// Compares the request we sent with the one botocore built for the same operation and input,
/// and lists every difference as a readable sentence with both sides.
struct WireComparison {
    /// Headers only one side sends, for reasons that do not change what the request means:
    /// both identify their SDK (`User-Agent`), botocore adds retry bookkeeping (`amz-sdk-invocation-id`,
    /// `amz-sdk-request`), and each transport adds `Content-Length` and `Host` (botocore's is only in
    /// its URL, and both sign it: it is compared on its own). botocore 1.43 signs neither `User-Agent`
    /// (on its list of unsigned headers) nor the `amz-sdk-*` headers (added by a `request-created`
    /// handler that runs after the signer, which sits on the more specific `request-created.<service>`).
    /// `Authorization` is compared by the signing checks.
    static let headersOnlyBotocoreSends: Set<String> = [
        "user-agent", "amz-sdk-invocation-id", "amz-sdk-request", "content-length", "authorization",
    ]
    static let headersOnlyWeSend: Set<String> = ["user-agent", "host", "authorization"]

    var ours: HTTPRequest
    /// Our signer run again on `ours` (nil for an unsigned request): the canonical request behind our signature.
    var ourSigning: SigV4SigningResult?
    var answer: BotocoreCallAnswer

    /// Every difference; empty when botocore and we agree.
    func differences() -> [String] {
        if let error = answer.error { return ["botocore could not build the request: \(error)"] }
        guard let botocore = answer.botocore else { return ["botocore's answer holds no request"] }
        var found: [String] = []
        func check(_ what: String, ours: String?, botocore: String?) {
            guard ours != botocore else { return }
            found.append("\(what) differs\n    ours:     \(ours ?? "<none>")\n    botocore: \(botocore ?? "<none>")")
        }
        let theirs = botocore.wire

        check("method", ours: self.ours.method, botocore: theirs.method)
        let url = URLParts(theirs.url)
        check("scheme and host", ours: "\(self.ours.scheme)://\(self.ours.hostHeader)", botocore: url.origin)
        check("raw path", ours: self.ours.path.isEmpty ? "/" : self.ours.path, botocore: url.path)
        check("query parameters (decoded, sorted)", ours: Self.sortedPairs(self.ours.query).description,
              botocore: Self.sortedPairs(url.query).description)
        found += headerDifferences(theirs)
        found += bodyDifferences(theirs)
        found += signingDifferences(botocore.signing)
        return found
    }

    private func headerDifferences(_ theirs: WireRequest) -> [String] {
        var found: [String] = []
        let ourNames = Set(ours.headers.map { $0.name.lowercased() })
        let theirNames = Set(theirs.headers.compactMap { $0.first?.lowercased() })
        for name in theirNames.subtracting(Self.headersOnlyBotocoreSends).sorted() {
            let ourValues = ours.headers.all(name), theirValues = theirs.values(of: name)
            if ourValues != theirValues {
                found.append("header \(name) differs\n    ours:     \(ourValues)\n    botocore: \(theirValues)")
            }
        }
        for name in ourNames.subtracting(Self.headersOnlyWeSend).subtracting(theirNames).sorted() {
            found.append("header \(name) is sent by us (\(ours.headers.all(name))) but not by botocore")
        }
        if let host = ours.headers["Host"], host != URLParts(theirs.url).authority {
            found.append("Host header differs\n    ours:     \(host)\n    botocore: \(URLParts(theirs.url).authority)")
        }
        return found
    }

    private func bodyDifferences(_ theirs: WireRequest) -> [String] {
        let contentType = ours.headers["Content-Type"] ?? ""
        let ourBody = ours.body, theirBody = theirs.body
        let (ourText, theirText): (String, String)
        if ourBody.isEmpty || theirBody.isEmpty {
            (ourText, theirText) = (String(decoding: ourBody, as: UTF8.self), String(decoding: theirBody, as: UTF8.self))
        } else if contentType.contains("json") {
            (ourText, theirText) = (Self.normalizedJSON(ourBody), Self.normalizedJSON(theirBody))
        } else if contentType.hasPrefix("application/x-www-form-urlencoded") {
            let decode = { (body: Data) in
                Self.sortedPairs(String(decoding: body, as: UTF8.self), plusIsSpace: true).description
            }
            (ourText, theirText) = (decode(ourBody), decode(theirBody))
        } else {
            (ourText, theirText) = (ourBody.base64EncodedString(), theirBody.base64EncodedString())
        }
        guard ourText != theirText else { return [] }
        return ["body differs (\(contentType.isEmpty ? "no Content-Type" : contentType))\n"
            + TextDiff.lines(ours: ourText, botocore: theirText)]
    }

    private func signingDifferences(_ signing: BotocoreSigning?) -> [String] {
        let ourAuthorization = ours.headers["Authorization"]
        guard let signing else {
            if ourAuthorization != nil || ours.headers.contains("X-Amz-Security-Token") {
                return ["botocore sends this operation unsigned, but we signed it"]
            }
            return []
        }
        guard let ourSigning, let ourAuthorization else { return ["botocore signs this operation, but we sent it unsigned"] }
        var found: [String] = []
        if ourSigning.authorization != ourAuthorization {
            found.append("our signer does not reproduce the Authorization we sent\n    sent:      \(ourAuthorization)\n"
                + "    re-signed: \(ourSigning.authorization)")
        }
        let scope = ourSigning.credentialScope.split(separator: "/").map(String.init)
        if scope.count == 4, scope[1] != signing.signingRegion || scope[2] != signing.signingName {
            found.append("signing scope differs\n    ours:     \(scope[1])/\(scope[2])\n"
                + "    botocore: \(signing.signingRegion)/\(signing.signingName)")
        }

        // Would AWS accept our signature? botocore's signer, given our exact request, must agree byte for byte.
        if let resigned = answer.oursResigned {
            if resigned.canonicalRequest != ourSigning.canonicalRequest {
                found.append("botocore computes another canonical request for OUR request\n"
                    + TextDiff.lines(ours: ourSigning.canonicalRequest, botocore: resigned.canonicalRequest))
            }
            if resigned.stringToSign != ourSigning.stringToSign {
                found.append("botocore computes another string to sign for OUR request\n"
                    + TextDiff.lines(ours: ourSigning.stringToSign, botocore: resigned.stringToSign))
            }
            if resigned.authorization != ourAuthorization {
                found.append("botocore signs OUR request differently\n    ours:     \(ourAuthorization)\n"
                    + "    botocore: \(resigned.authorization)")
            }
        } else {
            found.append("botocore did not re-sign our request")
        }

        // Do we build the same canonical request as botocore for its own request? Only the payload
        // hash may differ, and only when the bodies differ in bytes but not in meaning (checked above).
        if let reference = answer.botocoreWithoutSDKHeaders {
            let bodiesIdentical = ours.body == answer.botocore?.wire.body
            let ourLines = ourSigning.canonicalRequest.components(separatedBy: "\n")
            let theirLines = reference.canonicalRequest.components(separatedBy: "\n")
            let comparable = { (lines: [String]) in bodiesIdentical ? lines : Array(lines.dropLast()) }
            if comparable(ourLines) != comparable(theirLines) {
                found.append("canonical request differs from botocore's own"
                    + (bodiesIdentical ? "" : " (payload hash line excluded: the bodies differ only in encoding)")
                    + "\n" + TextDiff.lines(ours: ourSigning.canonicalRequest, botocore: reference.canonicalRequest))
            }
            if bodiesIdentical, reference.authorization != ourAuthorization {
                found.append("Authorization differs from botocore's own for an identical request\n"
                    + "    ours:     \(ourAuthorization)\n    botocore: \(reference.authorization)")
            }
            let theirSigned = Self.signedHeaders(in: reference.authorization)
            if theirSigned != ourSigning.signedHeaders {
                found.append("signed headers differ\n    ours:     \(ourSigning.signedHeaders)\n    botocore: \(theirSigned)")
            }
        } else {
            found.append("botocore did not sign its own request again without the SDK-only headers")
        }
        return found
    }

    // MARK: Normalization

    /// The `SignedHeaders=` list of an Authorization header.
    static func signedHeaders(in authorization: String) -> String {
        guard let range = authorization.range(of: "SignedHeaders=") else { return "" }
        return String(authorization[range.upperBound...].prefix { $0 != "," })
    }

    /// `a=1&b=2` decoded into "name=value" pairs, sorted: a multiset that ignores order and encoding.
    /// In a form body "+" is a space (botocore writes spaces so; we write "%20"); in a URL query it is not.
    static func sortedPairs(_ encoded: String, plusIsSpace: Bool = false) -> [String] {
        func decode(_ part: Substring) -> String {
            let text = plusIsSpace ? part.replacingOccurrences(of: "+", with: " ") : String(part)
            return text.removingPercentEncoding ?? text
        }
        return encoded.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return "\(decode(parts[0]))=\(parts.count > 1 ? decode(parts[1]) : "")"
        }.sorted()
    }

    /// JSON re-serialized with sorted keys and one layout, so equal documents give equal text.
    static func normalizedJSON(_ data: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let normalized = try? JSONSerialization.data(
                  withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return "<not JSON> " + String(decoding: data, as: UTF8.self) }
        return String(decoding: normalized, as: UTF8.self)
    }
}

/// The parts of an absolute URL string, kept percent-encoded.
struct URLParts {
    var scheme = ""
    var authority = ""
    var path = "/"
    var query = ""

    init(_ url: String) {
        var rest = Substring(url)
        if let separator = rest.range(of: "://") {
            scheme = String(rest[..<separator.lowerBound]).lowercased()
            rest = rest[separator.upperBound...]
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        authority = String(rest[..<authorityEnd])
        rest = rest[authorityEnd...]
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        path = rest.isEmpty ? "/" : String(rest)
    }

    /// "https://host[:port]", the port left out when it is the scheme's default.
    var origin: String {
        let host = authority.hasSuffix(":443") && scheme == "https" || authority.hasSuffix(":80") && scheme == "http"
            ? String(authority[..<authority.lastIndex(of: ":")!]) : authority
        return "\(scheme)://\(host)"
    }
}

/// A line diff of two texts that should be equal: common lines indented, ours marked "-",
/// botocore's marked "+", aligned on their longest common subsequence.
enum TextDiff {
    static func lines(ours: String, botocore: String) -> String {
        let left = ours.components(separatedBy: "\n"), right = botocore.components(separatedBy: "\n")
        // common[i][j]: length of the longest common subsequence of left[i...] and right[j...].
        var common = Array(repeating: Array(repeating: 0, count: right.count + 1), count: left.count + 1)
        for i in stride(from: left.count - 1, through: 0, by: -1) {
            for j in stride(from: right.count - 1, through: 0, by: -1) {
                common[i][j] = left[i] == right[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < left.count || j < right.count {
            if i < left.count, j < right.count, left[i] == right[j] {
                out.append("      \(left[i])")
                i += 1
                j += 1
            } else if j == right.count || (i < left.count && common[i + 1][j] >= common[i][j + 1]) {
                out.append("    - ours:     \(left[i])")
                i += 1
            } else {
                out.append("    + botocore: \(right[j])")
                j += 1
            }
        }
        return out.joined(separator: "\n")
    }
}
