import CLibXML2
import Foundation

/// Parses a page with libxml2's HTML parser and returns its errors. libxml2 2.9 knows HTML 4
/// only, so "Tag … invalid" is tolerated for the HTML5 and SVG elements the templates use, and
/// for nothing else; every other error (an unclosed tag, a stray `<`, a bad attribute) counts.
public enum HTMLChecker {
    static let html5AndSVG: Set<String> = ["header", "footer", "main", "section", "figure", "figcaption", "nav",
                                           "svg", "defs", "pattern", "rect", "line", "circle", "path", "text", "desc", "g"]

    final class Box { var errors: [String] = [] }

    public static func errors(in data: Data) -> [String] {
        let box = Box()
        guard let context = htmlNewParserCtxt() else { return ["no parser context"] }
        defer { htmlFreeParserCtxt(context) }
        let handler: xmlStructuredErrorFunc = { userData, error in
            guard let userData, let error else { return }
            let box = Unmanaged<Box>.fromOpaque(userData).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            let level = error.pointee.level
            if error.pointee.code == Int32(XML_HTML_UNKNOWN_TAG.rawValue),
               let tag = message.wholeMatch(of: /Tag (\S+) invalid/)?.1, HTMLChecker.html5AndSVG.contains(String(tag)) {
                return
            }
            if level.rawValue >= XML_ERR_ERROR.rawValue || level == XML_ERR_WARNING {
                box.errors.append("line \(error.pointee.line): \(message)")
            }
        }
        // The HTML parser's SAX handler is not SAX2, so libxml2 ignores its structured error
        // callback; the structured handler of the calling thread (libxml2 keeps it per thread)
        // receives the errors instead. Parsing is synchronous, so it is set and reset around it.
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(box).toOpaque(), handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(HTML_PARSE_NONET.rawValue) | Int32(HTML_PARSE_NOBLANKS.rawValue)
        let document = data.withUnsafeBytes { buffer in
            htmlCtxtReadMemory(context, buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                               "page.html", "UTF-8", options)
        }
        if document == nil { box.errors.append("the document did not parse") }
        xmlFreeDoc(document)
        return box.errors
    }
}
