import AWSCore
import Foundation
import Testing

@Suite("XMLNode parsing of untrusted answers")
struct XMLNodeTests {
    /// Found by fuzzing (Fuzz/Corpus/sts-xml/utf16-lone-surrogate.xml): UTF-16 with a lone
    /// surrogate made libxml2 print "encoding error : input conversion failed" to stderr, into the
    /// user's terminal, despite XML_PARSE_NOERROR. The answer is refused and nothing is printed.
    @Test func encodingErrorsAreNotPrintedToStderr() throws {
        let garbled = Data([0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00, 0x3E, 0x00, 0x00, 0xD8, 0x3C, 0x00])
        let printed = try Self.stderr { _ = try? XMLNode.parse(garbled) }
        #expect(!printed.contains("encoding error"), "printed: \(printed)")
        #expect(throws: XMLParseError.self) { try XMLNode.parse(garbled) }
    }

    @Test func elementsAndTextAreRead() throws {
        let node = try XMLNode.parse(Data("<R><A>x<![CDATA[&y]]></A><B> z </B></R>".utf8))
        #expect(node.name == "R")
        #expect(node.string("A") == "x&y")
        #expect(node.string("B") == "z")
    }

    /// What the process writes to file descriptor 2 while `body` runs.
    static func stderr(_ body: () throws -> Void) throws -> String {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let saved = dup(2)
        fflush(nil)
        dup2(ends[1], 2)
        let outcome = Result { try body() }
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        close(ends[1])
        defer { close(ends[0]) }
        try outcome.get()
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(ends[0], &chunk, chunk.count)
            if count <= 0 { break }
            output.append(contentsOf: chunk[..<count])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
