import Foundation

/// A response shape that reads itself straight from the JSON bytes, for the few answers that
/// come in hundreds of thousands (Athena's query executions): `JSONDecoder`'s `Codable` layer
/// costs more CPU there than everything else in a collect. `AWSClient` prefers this path when
/// the output type offers it; every other shape goes through `JSONDecoder`.
///
/// A conforming type must accept exactly what its `Decodable` conformance accepts, or less:
/// tests decode the same documents both ways.
public protocol JSONReaderDecodable {
    init(reading reader: inout JSONReader) throws(JSONReaderError)
}

/// Why a document could not be read: where (a member path such as
/// `QueryExecutions[3].Status.State` and a byte offset) and what was expected.
public struct JSONReaderError: Error, Equatable, CustomStringConvertible {
    /// Member names and `[index]` elements, outermost first.
    public var path: [String]
    public var offset: Int
    public var reason: String

    public var description: String {
        let at = path.reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
        return (at.isEmpty ? "" : at + ": ") + reason + " (byte \(offset))"
    }
}

/// A strict, forward-only reader of one UTF-8 JSON document (RFC 8259): no comments, no
/// trailing commas, no bare control characters or invalid UTF-8 in strings, no lone surrogates,
/// nothing after the value but whitespace. Decoders pull values in document order and skip
/// the members they do not know.
public struct JSONReader: ~Copyable {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    /// Objects and arrays open around the current position.
    private var depth = 0
    /// The members read (not skipped) of every object open, innermost last: a repeated member is
    /// refused, since `JSONDecoder` keeps the first of two and a forward reader would keep the last.
    private var readMembers: [RawString] = []
    /// Where the last `skipValue` began: tells a member the shape skipped from one it read.
    private var lastSkipStart = -1
    /// Deeper nesting is refused rather than risk the stack (JSONDecoder stops at 512 too).
    static let maximumDepth = 512

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Reads `data` as one `T`; the whole document must be that one value.
    public static func decode<T: JSONReaderDecodable>(_ type: T.Type, from data: Data) throws(JSONReaderError) -> T {
        let result: Result<T, JSONReaderError> = data.withUnsafeBytes { buffer in
            var reader = JSONReader(bytes: buffer)
            do throws(JSONReaderError) {
                let value = try T(reading: &reader)
                reader.skipWhitespace()
                guard reader.position == buffer.count else { throw reader.error("unexpected text after the document") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: Structure

    /// Reads an object, handing each member's key to `member`, which must read (or `skipValue`)
    /// the member's value. Errors thrown inside carry the key in their path.
    public mutating func readObject(_ member: (inout JSONReader, Key) throws(JSONReaderError) -> Void) throws(JSONReaderError) {
        try expect(UInt8(ascii: "{"), "an object")
        try enterContainer()
        let firstMember = readMembers.count
        defer {
            depth -= 1
            readMembers.removeSubrange(firstMember...)
        }
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { position += 1; return }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
            let keyStart = position
            let key = try readKey()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after a member name")
            skipWhitespace()
            let valueStart = position
            do throws(JSONReaderError) {
                try member(&self, key)
            } catch {
                throw error.within(key.text)
            }
            if lastSkipStart != valueStart {
                try noteReadMember(key, since: firstMember, at: keyStart)
            }
            skipWhitespace()
            switch next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return
            default: throw self.error("expected ',' or '}' in an object", at: position - 1)
            }
        }
    }

    /// Reads an array, handing each element's index to `element`, which must read the element.
    public mutating func readArray(_ element: (inout JSONReader, Int) throws(JSONReaderError) -> Void) throws(JSONReaderError) {
        try expect(UInt8(ascii: "["), "an array")
        try enterContainer()
        defer { depth -= 1 }
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { position += 1; return }
        var index = 0
        while true {
            skipWhitespace()
            do throws(JSONReaderError) {
                try element(&self, index)
            } catch {
                throw error.within("[\(index)]")
            }
            index += 1
            skipWhitespace()
            switch next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return
            default: throw self.error("expected ',' or ']' in an array", at: position - 1)
            }
        }
    }

    /// True (and the `null` consumed) when the next value is `null`: an absent optional member.
    public mutating func readNull() throws(JSONReaderError) -> Bool {
        skipWhitespace()
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// Skips one value of any kind, checking that it is well-formed.
    public mutating func skipValue() throws(JSONReaderError) {
        skipWhitespace()
        let start = position
        defer { lastSkipStart = start }
        switch peek() {
        case UInt8(ascii: "{"): try readObject { reader, _ throws(JSONReaderError) in try reader.skipValue() }
        case UInt8(ascii: "["): try readArray { reader, _ throws(JSONReaderError) in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try stringBytes()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case nil: throw error("expected a value, found the end of the document")
        default: _ = try numberText()
        }
    }

    /// Records a member the shape read; the same name read twice in one object is an error.
    /// Only read members count, so the scan stays as short as the shape's list of members.
    private mutating func noteReadMember(_ key: Key, since firstMember: Int, at offset: Int) throws(JSONReaderError) {
        for earlier in readMembers[firstMember...] where Self.sameText(earlier, key.raw, in: bytes) {
            throw error("the member \(key.text) appears more than once", at: offset)
        }
        readMembers.append(key.raw)
    }

    private static func sameText(_ lhs: RawString, _ rhs: RawString, in bytes: UnsafeRawBufferPointer) -> Bool {
        func withBytes<R>(_ raw: RawString, _ body: (UnsafeRawBufferPointer) -> R) -> R {
            switch raw {
            case .verbatim(let range): body(UnsafeRawBufferPointer(rebasing: bytes[range]))
            case .unescaped(let buffer): buffer.withUnsafeBytes(body)
            }
        }
        return withBytes(lhs) { left in withBytes(rhs) { right in left.elementsEqual(right) } }
    }

    private mutating func enterContainer() throws(JSONReaderError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nested more than \(Self.maximumDepth) levels deep", at: position - 1) }
    }

    // MARK: Scalars

    public mutating func readString() throws(JSONReaderError) -> String {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a string") }
        let start = position
        let raw = try stringBytes()
        let text: String?
        switch raw {
        case .verbatim(let range): text = Self.string(UnsafeRawBufferPointer(rebasing: bytes[range]))
        case .unescaped(let buffer): text = buffer.withUnsafeBytes { Self.string($0) }
        }
        guard let text else { throw error("the string is not valid UTF-8", at: start) }
        return text
    }

    public mutating func readBool() throws(JSONReaderError) -> Bool {
        skipWhitespace()
        switch peek() {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: throw error("expected true or false")
        }
    }

    /// A whole number in range; a fraction or an exponent is refused, as for any integer member.
    public mutating func readInt64() throws(JSONReaderError) -> Int64 {
        skipWhitespace()
        let start = position
        let text = try numberText()
        guard !text.isFraction, let value = Int64(text.digits) else {
            throw error("expected a whole number that fits in 64 bits, found \(Self.cut(text.digits))", at: start)
        }
        return value
    }

    public mutating func readInt() throws(JSONReaderError) -> Int {
        let start = position
        let value = try readInt64()
        guard let int = Int(exactly: value) else { throw error("the number does not fit in an Int", at: start) }
        return int
    }

    /// Any finite number.
    public mutating func readDouble() throws(JSONReaderError) -> Double {
        skipWhitespace()
        let start = position
        let text = try numberText()
        guard let value = Double(text.digits), value.isFinite else {
            throw error("the number \(Self.cut(text.digits)) is not representable", at: start)
        }
        return value
    }

    /// A timestamp as AWS JSON sends it: epoch seconds (a number, usually with a fraction), or a
    /// string in one of the forms `AWSTimestamp` parses.
    public mutating func readDate() throws(JSONReaderError) -> Date {
        skipWhitespace()
        if peek() == UInt8(ascii: "\"") {
            let start = position
            let text = try readString()
            guard let date = AWSTimestamp.parse(text) else { throw error("not a timestamp: \(Self.cut(text))", at: start) }
            return date
        }
        return Date(timeIntervalSince1970: try readDouble())
    }

    // MARK: Keys

    /// A member name as it appears in the document, compared without making a `String` first.
    /// It points into the document: use it inside the `readObject` callback only.
    public struct Key {
        fileprivate let raw: RawString
        fileprivate let bytes: UnsafeRawBufferPointer

        public var text: String {
            switch raw {
            case .verbatim(let range): String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            case .unescaped(let buffer): String(decoding: buffer, as: UTF8.self)
            }
        }

        /// Lets a `switch` over a key use member names as patterns.
        public static func ~= (name: StaticString, key: Key) -> Bool {
            let expected = UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            switch key.raw {
            case .verbatim(let range):
                return range.count == expected.count && UnsafeRawBufferPointer(rebasing: key.bytes[range]).elementsEqual(expected)
            case .unescaped(let buffer):
                return buffer.elementsEqual(expected)
            }
        }
    }

    private mutating func readKey() throws(JSONReaderError) -> Key {
        let start = position
        let raw = try stringBytes()
        let valid: Bool
        switch raw {
        case .verbatim(let range): valid = Self.isValidUTF8(UnsafeRawBufferPointer(rebasing: bytes[range]))
        case .unescaped(let buffer): valid = buffer.withUnsafeBytes { Self.isValidUTF8($0) }
        }
        guard valid else { throw error("the member name is not valid UTF-8", at: start) }
        return Key(raw: raw, bytes: bytes)
    }

    /// Text from validated UTF-8, the ASCII case (nearly every AWS string) without a second pass.
    private static func string(_ buffer: UnsafeRawBufferPointer) -> String? {
        isASCII(buffer) ? String(decoding: buffer, as: UTF8.self) : String(validating: buffer, as: UTF8.self)
    }

    private static func isValidUTF8(_ buffer: UnsafeRawBufferPointer) -> Bool {
        isASCII(buffer) || String(validating: buffer, as: UTF8.self) != nil
    }

    private static func isASCII(_ buffer: UnsafeRawBufferPointer) -> Bool {
        var combined: UInt8 = 0
        for byte in buffer { combined |= byte }
        return combined < 0x80
    }

    // MARK: Lexing

    /// A string's content: a range of the document when it has no escapes, else its unescaped bytes.
    fileprivate enum RawString {
        case verbatim(Range<Int>)
        case unescaped([UInt8])
    }

    private mutating func stringBytes() throws(JSONReaderError) -> RawString {
        let open = position
        position += 1   // the opening quote
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return .verbatim(start..<(position - 1))
            }
            if byte == UInt8(ascii: "\\") { return .unescaped(try unescape(from: start)) }
            if byte < 0x20 { throw error("a control character must be escaped in a string") }
            position += 1
        }
        throw error("the string is not closed", at: open)
    }

    /// Continues a string that has escapes, from its start, into unescaped bytes.
    private mutating func unescape(from start: Int) throws(JSONReaderError) -> [UInt8] {
        var output = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return output
            case UInt8(ascii: "\\"):
                guard let escaped = next() else { break }
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escaped)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"): try appendUnicodeEscape(to: &output)
                default: throw error("unknown escape \\\(Character(Unicode.Scalar(escaped)))", at: position - 2)
                }
            default:
                if byte < 0x20 { throw error("a control character must be escaped in a string", at: position - 1) }
                output.append(byte)
            }
        }
        throw error("the string is not closed", at: start - 1)
    }

    /// `\uXXXX`, with a surrogate pair as two escapes; appends the scalar's UTF-8.
    private mutating func appendUnicodeEscape(to output: inout [UInt8]) throws(JSONReaderError) {
        let escapeStart = position - 2
        var value = try hexQuad()
        if (0xD800..<0xDC00).contains(value) {
            guard next() == UInt8(ascii: "\\"), next() == UInt8(ascii: "u") else {
                throw error("a high surrogate escape must be followed by a low one", at: escapeStart)
            }
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else {
                throw error("a high surrogate escape must be followed by a low one", at: escapeStart)
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(value) {
            throw error("a low surrogate escape without a high one", at: escapeStart)
        }
        guard let scalar = Unicode.Scalar(value) else { throw error("not a Unicode scalar", at: escapeStart) }
        output.append(contentsOf: UTF8.encode(scalar)!)
    }

    private mutating func hexQuad() throws(JSONReaderError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = next() else { throw error("a \\u escape needs four hex digits") }
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("a \\u escape needs four hex digits", at: position - 1)
            }
            value = value << 4 | digit
        }
        return value
    }

    /// A number's text, checked against JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func numberText() throws(JSONReaderError) -> (digits: String, isFraction: Bool) {
        let start = position
        var isFraction = false
        if peek() == UInt8(ascii: "-") { position += 1 }
        switch peek() ?? 0 {
        case UInt8(ascii: "0"): position += 1
        case UInt8(ascii: "1")...UInt8(ascii: "9"): skipDigits()
        default: throw error("expected a value", at: start)
        }
        if peek() == UInt8(ascii: ".") {
            isFraction = true
            position += 1
            guard isDigit(peek()) else { throw error("expected a digit after the decimal point") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isFraction = true
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard isDigit(peek()) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        return (String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self), isFraction)
    }

    private mutating func skipDigits() {
        while isDigit(peek()) { position += 1 }
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func literal(_ word: StaticString) throws(JSONReaderError) {
        let expected = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        let end = position + expected.count
        guard end <= bytes.count, UnsafeRawBufferPointer(rebasing: bytes[position..<end]).elementsEqual(expected) else {
            throw error("expected a value")
        }
        position = end
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONReaderError) {
        skipWhitespace()
        guard peek() == byte else { throw error("expected \(what)") }
        position += 1
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func next() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    /// A value quoted in an error, cut to a readable length.
    private static func cut(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(39)) + "…" : text
    }

    /// An error at the current position (or `offset`) with no path yet; members add theirs.
    public func error(_ reason: String, at offset: Int? = nil) -> JSONReaderError {
        JSONReaderError(path: [], offset: offset ?? position, reason: reason)
    }
}

extension JSONReaderError {
    fileprivate func within(_ component: String) -> JSONReaderError {
        var copy = self
        copy.path.insert(component, at: 0)
        return copy
    }
}

extension JSONReader {
    // Optional members: `null` reads as absent, as `decodeIfPresent` has it.
    public mutating func readOptionalString() throws(JSONReaderError) -> String? { try readNull() ? nil : readString() }
    public mutating func readOptionalBool() throws(JSONReaderError) -> Bool? { try readNull() ? nil : readBool() }
    public mutating func readOptionalInt() throws(JSONReaderError) -> Int? { try readNull() ? nil : readInt() }
    public mutating func readOptionalInt64() throws(JSONReaderError) -> Int64? { try readNull() ? nil : readInt64() }
    public mutating func readOptionalDouble() throws(JSONReaderError) -> Double? { try readNull() ? nil : readDouble() }
    public mutating func readOptionalDate() throws(JSONReaderError) -> Date? { try readNull() ? nil : readDate() }

    public mutating func readOptional<T: JSONReaderDecodable>(_ type: T.Type) throws(JSONReaderError) -> T? {
        try readNull() ? nil : T(reading: &self)
    }

    /// An array of `T`, `null` read as empty (as the shapes' `decodeIfPresent(...) ?? []` have it).
    public mutating func readArrayOrNull<T: JSONReaderDecodable>(of type: T.Type) throws(JSONReaderError) -> [T] {
        guard try !readNull() else { return [] }
        var values: [T] = []
        try readArray { reader, _ throws(JSONReaderError) in values.append(try T(reading: &reader)) }
        return values
    }

    /// A member the shape requires: absent or `null` is an error, as for `decode(_:forKey:)`.
    public func required<T>(_ value: T?, _ name: String) throws(JSONReaderError) -> T {
        guard let value else { throw error("the member \(name) is missing") }
        return value
    }
}

extension String: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        self = try reader.readString()
    }
}
