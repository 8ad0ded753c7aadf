import Foundation
import Yams

/// Reads and validates `chargeback.yaml`. Every problem is reported together, as a
/// `ConfigLoadFailure`, before any AWS call is made.
public enum ConfigLoader {
    /// Loads the configuration file at `path`.
    /// - Throws: `ConfigLoadFailure` listing every problem found.
    public static func load(path: String) throws -> ChargebackConfig {
        // Checked before opening: reading a FIFO would wait for a writer forever.
        if let kind = ConfigFileKind.notARegularFile(path) {
            throw failure(ConfigError(file: path, line: nil, column: nil, keyPath: "",
                                      message: "is \(kind), not a configuration file; pass --config with the path of a YAML file"))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let problem = FileManager.default.fileExists(atPath: path)
                ? "cannot read the configuration file; check its permissions"
                : "configuration file not found; pass --config with its path, or run 'chargeback init \(path)' to write a sample"
            throw failure(ConfigError(file: path, line: nil, column: nil, keyPath: "", message: problem))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw failure(ConfigError(file: path, line: nil, column: nil, keyPath: "",
                                      message: "the configuration file is not UTF-8 text; save it as UTF-8"))
        }
        return try parse(text, path: path)
    }

    /// Validates configuration `text`; `path` names it in errors and becomes `sourcePath`.
    /// - Throws: `ConfigLoadFailure` listing every problem found.
    public static func parse(_ text: String, path: String) throws -> ChargebackConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw failure(syntaxError(error, file: path, text: text))
        }
        guard let root else {
            throw failure(ConfigError(file: path, line: nil, column: nil, keyPath: "",
                                      message: "the configuration file is empty; run 'chargeback init' for a commented sample"))
        }
        let decoder = ConfigDecoder(file: path)
        if let config = decoder.decodeDocument(root), decoder.errors.isEmpty {
            return config
        }
        let ordered = decoder.errors.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
            let right = (rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
            return left < right
        }
        throw ConfigLoadFailure(errors: ordered.map(\.element))
    }

    private static func failure(_ error: ConfigError) -> ConfigLoadFailure {
        ConfigLoadFailure(errors: [error])
    }

    /// Turns a YAML syntax error into a located `ConfigError` (Yams' own text spans lines).
    private static func syntaxError(_ error: YamlError, file: String, text: String) -> ConfigError {
        func located(_ mark: (line: Int, column: Int)?, _ message: String) -> ConfigError {
            ConfigError(file: file, line: mark?.line, column: mark?.column, keyPath: "", message: EchoedValue.cuttingQuotedValues(in: message))
        }
        let advice = "fix the YAML syntax (indent with spaces, quote values containing ': ' or '#')"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let whileDoing = context.map { " \($0.text)" } ?? ""
            return located((mark.line, mark.column), "not valid YAML: \(problem)\(whileDoing); \(advice)")
        case .reader(let problem, let offset, _, _):
            return located(offset.flatMap { mark(atCharacterOffset: $0, in: text) }, "not readable as YAML text: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return located((context.mark.line, context.mark.column), "duplicate key \(keys) in the same mapping; give each key once")
        default:
            return located(nil, "not valid YAML: \(error)")
        }
    }

    private static func mark(atCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int)? {
        guard let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) else { return nil }
        let before = text[..<index]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return (line, column)
    }
}
