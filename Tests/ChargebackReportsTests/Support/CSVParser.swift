import Foundation

/// A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes.
/// It fails on a bare LF outside quotes or a quote inside an unquoted field.
enum CSVParser {
    struct Malformed: Error, CustomStringConvertible { var description: String }

    static func parse(_ data: Data) throws -> [[String]] {
        let text = String(decoding: data, as: UTF8.self)
        let scalars = Array(text.unicodeScalars)
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var index = 0
        var quoted = false
        var fieldStart = true
        while index < scalars.count {
            let c = scalars[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" { field.append("\""); index += 2; continue }
                    quoted = false
                    index += 1
                    guard index == scalars.count || scalars[index] == "," || scalars[index] == "\r" else {
                        throw Malformed(description: "text after a closing quote at \(index)")
                    }
                    continue
                }
                field.append(c)
                index += 1
                continue
            }
            switch c {
            case "\"":
                guard fieldStart else { throw Malformed(description: "quote inside an unquoted field at \(index)") }
                quoted = true
                fieldStart = false
            case ",":
                row.append(String(field)); field = .init(); fieldStart = true
            case "\r":
                guard index + 1 < scalars.count, scalars[index + 1] == "\n" else {
                    throw Malformed(description: "CR without LF at \(index)")
                }
                row.append(String(field)); field = .init(); fieldStart = true
                rows.append(row); row = []
                index += 1
            case "\n":
                throw Malformed(description: "bare LF outside quotes at \(index)")
            default:
                field.append(c); fieldStart = false
            }
            index += 1
        }
        guard !quoted else { throw Malformed(description: "unterminated quoted field") }
        guard row.isEmpty, field.isEmpty else { throw Malformed(description: "last record without CRLF") }
        return rows
    }

    /// The rows as dictionaries keyed by the header.
    static func records(_ data: Data) throws -> (header: [String], rows: [[String: String]]) {
        let rows = try parse(data)
        guard let header = rows.first else { throw Malformed(description: "no header") }
        var records: [[String: String]] = []
        for row in rows.dropFirst() {
            guard row.count == header.count else {
                throw Malformed(description: "a row has \(row.count) fields, the header \(header.count): \(row)")
            }
            records.append(Dictionary(uniqueKeysWithValues: zip(header, row)))
        }
        return (header, records)
    }
}
