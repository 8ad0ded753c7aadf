import Crypto
import Foundation

/// Rebuilds a request's SigV4 signature the way AWS does for non-S3 services, independently of
/// any client code, and compares it with the one sent.
public enum SigV4Verifier {
    /// How far a request's X-Amz-Date may be from the sandbox clock.
    public static let allowedSkew: TimeInterval = 15 * 60

    /// The canonical request: method, normalised and re-encoded path, sorted re-encoded query,
    /// the signed headers' trimmed values, the signed header list and the body's SHA-256.
    public static func canonicalRequest(method: String, rawPath: String, rawQuery: String,
                                        headers: [(String, String)], signedHeaders: [String], body: Data) -> String {
        let canonicalHeaders = signedHeaders.map { name in
            let values = headers.filter { $0.0.lowercased() == name }.map { trimmed($0.1) }
            return "\(name):\(values.joined(separator: ","))\n"
        }.joined()
        return [
            method.uppercased(),
            canonicalPath(rawPath),
            canonicalQuery(rawQuery),
            canonicalHeaders,
            signedHeaders.joined(separator: ";"),
            hexSHA256(body),
        ].joined(separator: "\n")
    }

    /// The expected signature for a canonical request under `secret`.
    public static func signature(secret: String, amzDate: String, authorization: SigV4Authorization,
                                 canonicalRequest: String) -> String {
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, authorization.scope, hexSHA256(Data(canonicalRequest.utf8))]
            .joined(separator: "\n")
        var key = SymmetricKey(data: Data("AWS4\(secret)".utf8))
        for part in [authorization.date, authorization.region, authorization.service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
    }

    /// Compares in time independent of where the strings first differ.
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    /// AWS non-S3 rule: remove dot segments and empty segments, then encode the (already
    /// encoded) path once more.
    static func canonicalPath(_ rawPath: String) -> String {
        var segments: [Substring] = []
        for segment in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        let trailingSlash = rawPath.hasSuffix("/") && !segments.isEmpty
        let path = "/" + segments.map { uriEncode(String($0)) }.joined(separator: "/") + (trailingSlash ? "/" : "")
        return path
    }

    static func canonicalQuery(_ rawQuery: String) -> String {
        let pairs: [(String, String)] = rawQuery.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = percentDecode(String(parts[0]))
            let value = parts.count > 1 ? percentDecode(String(parts[1])) : ""
            return (uriEncode(key), uriEncode(value))
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// RFC 3986 unreserved characters stay; everything else is %XX (uppercase).
    static func uriEncode(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.append(byte)
            default:
                result.append(UInt8(ascii: "%"))
                result.append(upperHexDigits[Int(byte >> 4)])
                result.append(upperHexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func percentDecode(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }

    /// Header values: trimmed, runs of spaces collapsed to one.
    static func trimmed(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static func hexSHA256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    /// Lowercase hex. Built from a digit table: this runs three times per request.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var digits: [UInt8] = []
        for byte in bytes {
            digits.append(lowerHexDigits[Int(byte >> 4)])
            digits.append(lowerHexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: digits, as: UTF8.self)
    }

    private static let lowerHexDigits = Array("0123456789abcdef".utf8)
    private static let upperHexDigits = Array("0123456789ABCDEF".utf8)
}
