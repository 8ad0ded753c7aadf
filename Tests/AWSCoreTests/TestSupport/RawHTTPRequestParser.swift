import AWSCore
import Foundation

/// Reads the raw HTTP/1.1 requests of the SigV4 test suite (.req and .sreq files):
/// a request line, headers (a line starting with whitespace continues the previous value),
/// a blank line, and the body.
enum RawHTTPRequestParser {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> HTTPRequest {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        guard let requestLine = lines.first, let methodEnd = requestLine.firstIndex(of: " ") else {
            throw ParseError(description: "no request line in '\(text.prefix(40))'")
        }
        let method = String(requestLine[..<methodEnd])
        // The target may contain spaces (get-space), so only the trailing protocol is cut off.
        var target = requestLine[requestLine.index(after: methodEnd)...]
        if let protocolStart = target.range(of: " HTTP/", options: .backwards) {
            target = target[..<protocolStart.lowerBound]
        }
        let (path, query) = target.firstIndex(of: "?").map {
            (String(target[..<$0]), String(target[target.index(after: $0)...]))
        } ?? (String(target), "")

        var fields: [(String, String)] = []
        var bodyLines: [String] = []
        var index = 1
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.isEmpty {
                bodyLines = Array(lines[index...])
                break
            }
            if let first = line.first, first == " " || first == "\t" {
                guard !fields.isEmpty else { throw ParseError(description: "continuation line before any header") }
                fields[fields.count - 1].1 += "\n" + line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw ParseError(description: "header line without ':': \(line)") }
            fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        let headers = HTTPHeaders(fields)
        guard let host = headers["Host"] else { throw ParseError(description: "no Host header") }
        return HTTPRequest(method: method, host: host, path: path, query: query, headers: headers,
                           body: Data(bodyLines.joined(separator: "\n").utf8))
    }
}
