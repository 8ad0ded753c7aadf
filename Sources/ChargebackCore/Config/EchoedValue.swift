/// Keeps configuration values quoted in error messages short: a value of megabytes would
/// otherwise be printed whole. Values longer than `limit` characters are cut with an ellipsis.
enum EchoedValue {
    static let limit = 80
    /// A message longer than this after cutting its quoted values is cut too.
    static let messageLimit = 600

    static func cut(_ value: String) -> String {
        value.count > limit ? String(value.prefix(limit)) + "…" : value
    }

    /// Cuts every '…'-quoted value in `message`, then the message itself if still too long.
    static func cuttingQuotedValues(in message: String) -> String {
        var result = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "'") {
            result += rest[...open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "'") else {
                rest = rest[afterOpen...]
                break
            }
            // A quote inside the message's own prose ("unit 'x''s account") can pair with the wrong
            // one; prose between quotes is short and has spaces, so only cut what cannot be prose.
            let quoted = String(rest[afterOpen..<close])
            let isProse = quoted.count <= 200 && quoted.contains(" ")
            result += (isProse ? quoted : cut(quoted)) + "'"
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        guard result.count > messageLimit else { return result }
        return String(result.prefix(messageLimit - 100)) + " … " + String(result.suffix(100))
    }
}
