import Crypto
import Foundation

/// The canonical request SigV4 hashes, built the way botocore builds it for services other than S3.
struct SigV4CanonicalRequest: Sendable {
    /// Headers never signed: they are set or rewritten by the transport and proxies after signing.
    /// botocore's list (hop-by-hop headers included), plus the Authorization being computed.
    static let unsignedHeaders: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// The full canonical request text.
    let text: String
    /// The lower-cased, sorted, ";"-joined names of the signed headers.
    let signedHeaders: String

    init(_ request: HTTPRequest) {
        let headers = Self.canonicalHeaders(request.headers)
        signedHeaders = headers.names.joined(separator: ";")
        text = [
            request.method.uppercased(),
            Self.canonicalURI(request.path),
            Self.canonicalQuery(request.query),
            headers.lines.map { $0 + "\n" }.joined(),
            signedHeaders,
            SigV4Hex.encode(SHA256.hash(data: request.body)),
        ].joined(separator: "\n")
    }

    /// The path with dot segments and empty segments removed, then percent-encoded byte by byte
    /// (keeping "/"). The raw path is encoded again, so "%20" on the wire signs as "%2520",
    /// which is what AWS expects for every service but S3.
    static func canonicalURI(_ path: String) -> String {
        AWSURIEncoding.encode(removingDotSegments(path), keepSlash: true)
    }

    /// RFC 3986 dot-segment removal as botocore does it: empty segments vanish, a trailing
    /// "/" survives when anything is left, and ".." above the root is dropped.
    static func removingDotSegments(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var kept: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                if !kept.isEmpty { kept.removeLast() }
            } else {
                kept.append(segment)
            }
        }
        let leading = path.hasPrefix("/") ? "/" : ""
        let trailing = path.hasSuffix("/") && !kept.isEmpty ? "/" : ""
        let normalized = leading + kept.joined(separator: "/") + trailing
        return normalized.isEmpty ? "/" : normalized
    }

    /// Each parameter decoded then re-encoded, sorted by encoded key then value; "key=" when empty.
    static func canonicalQuery(_ query: String) -> String {
        var pairs: [(key: String, value: String)] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            pairs.append((reencode(parts[0]), parts.count > 1 ? reencode(parts[1]) : ""))
        }
        pairs.sort { $0.key == $1.key ? $0.value < $1.value : $0.key < $1.key }
        return pairs.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    /// Headers as "name:value" lines sorted by lower-cased name; repeated headers joined with ","
    /// in sending order; each value trimmed with inner whitespace runs (line folds included) collapsed.
    static func canonicalHeaders(_ headers: HTTPHeaders) -> (lines: [String], names: [String]) {
        var values: [String: [String]] = [:]
        for field in headers {
            let name = field.name.lowercased()
            guard !unsignedHeaders.contains(name) else { continue }
            // Printable ASCII without spaces (dates, hosts, tokens) has no white space to fold:
            // skip the Unicode-aware split, which dominates signing for long session tokens.
            let plain = field.value.utf8.allSatisfy { (0x21...0x7E).contains($0) }
            let value = plain ? field.value : field.value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            values[name, default: []].append(value)
        }
        let names = values.keys.sorted()
        let lines = names.map { "\($0):\(values[$0]!.joined(separator: ","))" }
        return (lines, names)
    }

    /// Percent-decodes a raw query component and encodes it the SigV4 way. A component whose
    /// decoded bytes are not UTF-8 is kept as sent, so what is signed is still what goes on the wire.
    private static func reencode(_ raw: Substring) -> String {
        guard let decoded = percentDecoded(raw) else { return String(raw) }
        return AWSURIEncoding.encode(decoded)
    }

    private static func percentDecoded(_ raw: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = Array(raw.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let high = SigV4Hex.value(of: iterator[iterator.startIndex]),
               let low = SigV4Hex.value(of: iterator[iterator.startIndex + 1]) {
                bytes.append(high << 4 | low)
                iterator.removeFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // Decoding replaces invalid sequences, so a changed byte count means the bytes were not UTF-8.
        return Array(text.utf8) == bytes ? text : nil
    }
}
