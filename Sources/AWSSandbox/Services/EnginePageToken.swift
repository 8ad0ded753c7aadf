import Foundation

/// An opaque pagination token: a kind, the context it belongs to (so a token cannot be replayed
/// against another request) and a position, base64-encoded so clients treat it as a blob.
struct EnginePageToken: Equatable {
    let kind: String
    let context: String
    let position: Int

    var text: String {
        Data("\(kind)\n\(context)\n\(position)".utf8).base64EncodedString()
    }

    /// Decodes `text` when it is a token of this kind and context; nil for anything else.
    init?(text: String, kind: String, context: String) {
        guard let token = EnginePageToken(text: text, kind: kind), token.context == context else { return nil }
        self = token
    }

    /// Decodes `text` when it is a token of this kind, whatever request it belonged to.
    init?(text: String, kind: String) {
        guard let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8) else { return nil }
        let parts = decoded.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == kind, let position = Int(parts[2]), position >= 0 else { return nil }
        self.init(kind: kind, context: String(parts[1]), position: position)
    }

    init(kind: String, context: String, position: Int) {
        self.kind = kind
        self.context = context
        self.position = position
    }
}
