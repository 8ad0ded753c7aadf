import Foundation

/// Collects one response as libcurl delivers it, on the transfer thread only.
final class CurlResponseAccumulator {
    let maxBodyBytes: Int
    let cancellation: CurlCancellationFlag
    private var headerFields: [(String, String)] = []
    private(set) var body = Data()
    /// Set when the body outgrew `maxBodyBytes` and the write callback refused it.
    private(set) var exceededBodyLimit = false

    init(maxBodyBytes: Int, cancellation: CurlCancellationFlag) {
        self.maxBodyBytes = maxBodyBytes
        self.cancellation = cancellation
    }

    /// Returns the number of bytes taken; anything less makes libcurl abort with CURLE_WRITE_ERROR.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= maxBodyBytes else {
            exceededBodyLimit = true
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Takes one raw header line, status lines included.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = String(decoding: bytes, as: UTF8.self)
        // "\r\n" is a single Character in Swift, so strip by newline-ness rather than by suffix.
        while line.last?.isNewline == true { line.removeLast() }
        if line.hasPrefix("HTTP/") {
            // A new status line starts a new response (after an interim 100 Continue):
            // only the final response's headers are kept.
            headerFields.removeAll()
            return
        }
        guard !line.isEmpty else { return }
        if line.first == " " || line.first == "\t", !headerFields.isEmpty {
            // An obsolete folded continuation line extends the previous header's value.
            headerFields[headerFields.count - 1].1 += " " + Self.trimmed(Substring(line))
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        headerFields.append((String(line[..<colon]), Self.trimmed(line[line.index(after: colon)...])))
    }

    /// The final response's headers, in the order they arrived.
    var headers: HTTPHeaders { HTTPHeaders(headerFields) }

    private static func trimmed(_ text: Substring) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
