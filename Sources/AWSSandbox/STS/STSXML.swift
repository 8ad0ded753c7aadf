import Foundation

/// STS's query-protocol XML: responses and the ErrorResponse document.
enum STSXML {
    static let namespace = "https://sts.amazonaws.com/doc/2011-06-15/"

    /// `<{action}Response><{action}Result>…</…Result><ResponseMetadata>…</…></…Response>`
    static func response(action: String, result: String, requestId: String) -> Data {
        Data(("<\(action)Response xmlns=\"\(namespace)\"><\(action)Result>\(result)</\(action)Result>"
            + "<ResponseMetadata><RequestId>\(requestId)</RequestId></ResponseMetadata></\(action)Response>").utf8)
    }

    static func error(_ error: SandboxAPIError, requestId: String) -> Data {
        let type = error.status >= 500 ? "Receiver" : "Sender"
        return Data(("<ErrorResponse xmlns=\"\(namespace)\"><Error><Type>\(type)</Type><Code>\(escape(error.code))</Code>"
            + "<Message>\(escape(error.message))</Message></Error><RequestId>\(requestId)</RequestId></ErrorResponse>").utf8)
    }

    static func element(_ name: String, _ value: String) -> String {
        "<\(name)>\(escape(value))</\(name)>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }

    /// ISO 8601 in UTC without fractional seconds, as STS writes Expiration.
    static func timestamp(_ date: Date) -> String {
        date.formatted(timestampStyle)
    }

    private static let timestampStyle = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
}
