import Mustache

/// The templates' escaping: HTML's five characters as entities, and every value's bidirectional
/// controls kept to the value itself. A name carrying U+202E (right-to-left override) or an
/// unclosed isolate would otherwise reverse the text after it on the page ("Retail ‮ 1,200.00"
/// read backwards). Such a value is wrapped in FSI … PDI (U+2068, U+2069: what `<bdi>` means,
/// and usable inside attributes too) with every embedding, override and isolate it opens closed
/// before the PDI. Values without bidirectional controls, the usual case, are left as they are.
struct IsolatingHTMLEscape: MustacheContentType {
    static let name = "HTML_BIDI_ISOLATED"

    /// Registers the content type once; templates select it with a pragma the library adds.
    static let registered: Void = MustacheContentTypes.register(IsolatingHTMLEscape(), named: name)

    /// The pragma put at the head of every template so its values go through this escaping.
    static var pragma: String { "{{% CONTENT_TYPE: \(name) }}" }

    func escapeText(_ text: String) -> String {
        Self.escape(Self.isolated(text))
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `text` unchanged when it has no bidirectional control; else FSI, `text`, the closers of
    /// what it left open, PDI.
    static func isolated(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isBidiControl) else { return text }
        // What is open, innermost last: true for an isolate (closed by PDI), false for an
        // embedding or override (closed by PDF).
        var open: [Bool] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x202A, 0x202B, 0x202D, 0x202E: open.append(false)
            case 0x202C: if open.last == false { open.removeLast() }
            case 0x2066, 0x2067, 0x2068: open.append(true)
            case 0x2069:
                // PDI closes the innermost isolate and every embedding opened inside it.
                if let isolate = open.lastIndex(of: true) { open.removeSubrange(isolate...) }
            default: break
            }
        }
        let closers = open.reversed().map { $0 ? "\u{2069}" : "\u{202C}" }.joined()
        return "\u{2068}" + text + closers + "\u{2069}"
    }

    /// LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI: the controls that reorder what follows them.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
