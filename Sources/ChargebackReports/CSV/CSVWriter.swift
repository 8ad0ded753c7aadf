import Foundation

/// RFC 4180 CSV: a header row, CRLF line ends, a field quoted when it holds a comma, a double
/// quote, CR or LF (quotes doubled inside). UTF-8 without a byte-order mark (docs/reports.md): the
/// files are UTF-8, and a BOM would become part of the first header name for most CSV readers other than
/// spreadsheets (pandas, csvkit, databases' COPY), breaking exact-header checks.
struct CSVWriter {
    private(set) var text = ""

    init(header: [String]) {
        append(header.map { .number($0) })
    }

    mutating func append(_ row: [CSVCell]) {
        text += row.map(Self.field).joined(separator: ",") + "\r\n"
    }

    var data: Data { Data(text.utf8) }

    /// A text cell that starts with `=`, `+`, `-`, `@`, a tab or a CR would be read as a formula
    /// by a spreadsheet; a leading `'` makes it inert. Numbers are never touched.
    static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func field(_ cell: CSVCell) -> String {
        switch cell {
        case .text(let text): return quoted(guarded(text))
        case .number(let number): return quoted(number)
        case .empty: return ""
        }
    }
}
