import Foundation

/// Parses the INI dialect of `~/.aws/config` and `~/.aws/credentials` the way botocore's
/// `configparser` does: `[section]` headers, `key = value` (or `key: value`), whole-line `#` and
/// `;` comments, keys lower-cased and trimmed, values trimmed and kept verbatim otherwise.
/// Lines indented under a key continue it: under an empty value they form a nested section
/// (`s3 =` then `  max_concurrent_requests = 10`). Nothing here reads nested settings or multi-line
/// values, so continuation lines are skipped rather than leaking into the profile.
public enum ConfigFileParser {
    /// Returns the sections in file order, each with its keys. Throws `SharedConfigError`
    /// naming `path` and the line for anything configparser would reject.
    public static func parse(_ text: String, path: String) throws -> [(name: String, values: [String: String])] {
        var sections: [(name: String, values: [String: String])] = []
        var sectionLines: [String: Int] = [:]
        var lastKeyIndent: Int?

        // Split on scalars: as Characters, CR LF is one grapheme that never equals "\n".
        for (offset, scalars) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let rawLine = Substring(scalars)
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }

            // As in configparser, a line indented deeper than the last key continues that key:
            // a nested sub-key, or more text of a multi-line value.
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            if let lastKeyIndent, indent > lastKeyIndent { continue }

            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]"), trimmed.count > 2 else {
                    throw SharedConfigError(path: path, line: lineNumber,
                                            message: "section header is not of the form [name]")
                }
                let name = trimmed.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                if let first = sectionLines[name] {
                    throw SharedConfigError(path: path, line: lineNumber,
                                            message: "section [\(name)] already appears on line \(first); merge the two")
                }
                sectionLines[name] = lineNumber
                sections.append((name: name, values: [:]))
                lastKeyIndent = nil
                continue
            }

            guard let separator = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw SharedConfigError(path: path, line: lineNumber,
                                        message: "expected 'key = value', a [section] header or a comment")
            }
            let key = trimmed[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else {
                throw SharedConfigError(path: path, line: lineNumber, message: "a key is missing before '='")
            }
            guard !sections.isEmpty else {
                throw SharedConfigError(path: path, line: lineNumber,
                                        message: "key '\(key)' comes before any [section] header")
            }
            guard sections[sections.count - 1].values[key] == nil else {
                throw SharedConfigError(path: path, line: lineNumber,
                                        message: "key '\(key)' is set twice in section [\(sections[sections.count - 1].name)]")
            }
            sections[sections.count - 1].values[key] = value
            lastKeyIndent = indent
        }
        return sections
    }
}
