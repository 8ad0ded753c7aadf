import CLibXML2
import Foundation

/// A parsed XML element: enough of a tree to read AWS query-protocol responses.
public struct XMLNode: Sendable, Equatable {
    public var name: String
    public var text: String
    public var children: [XMLNode]

    public init(name: String, text: String = "", children: [XMLNode] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child element with this local name.
    public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// Follows a path of child names: `node["AssumeRoleResult", "Credentials"]`.
    public subscript(path: String...) -> XMLNode? {
        var node: XMLNode? = self
        for name in path { node = node?.child(name) }
        return node
    }

    /// The trimmed text of the child at the path, or nil when the child is missing.
    public func string(_ path: String...) -> String? {
        var node: XMLNode? = self
        for name in path { node = node?.child(name) }
        return node.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Parses a document with libxml2: no network access, no entity expansion.
    public static func parse(_ data: Data) throws -> XMLNode {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue)
        // NOERROR does not cover every message: a failed encoding conversion is still printed to
        // stderr by libxml2's default handler. A handler of our own keeps it out of the terminal;
        // the handler is per thread, and the parse below never leaves this one.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let document: xmlDocPtr? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0, buffer.count <= Int32.max else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), "response.xml", nil, options)
        }
        guard let document else {
            throw XMLParseError(message: data.isEmpty ? "empty body" : "not well-formed XML (\(data.count) bytes)")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw XMLParseError(message: "no root element") }
        return build(root)
    }

    private static func build(_ element: xmlNodePtr) -> XMLNode {
        var node = XMLNode(name: String(cString: element.pointee.name))
        var child = element.pointee.children
        var text = ""
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                node.children.append(build(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    text += String(cString: content)
                }
            default:
                break
            }
            child = current.pointee.next
        }
        node.text = text
        return node
    }
}

public struct XMLParseError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "XML: \(message)" }
}
