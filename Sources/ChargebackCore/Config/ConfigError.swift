/// One problem in a configuration file, located precisely enough for the user to fix it:
/// `chargeback.yaml:14:18: business_units[1].account_id: '12345' is not a 12-digit AWS account id`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configuration file's path, as the user gave it.
    public var file: String
    /// 1-based line, when the problem has a position in the file.
    public var line: Int?
    /// 1-based column (in Unicode scalars), when the problem has a position in the file.
    public var column: Int?
    /// Where in the document, e.g. `business_units[1].account_id`; empty for the whole file.
    public var keyPath: String
    /// What is wrong and what is expected instead.
    public var message: String

    public init(file: String, line: Int?, column: Int?, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        let subject = keyPath.isEmpty ? "" : "\(keyPath): "
        return "\(location): \(subject)\(message)"
    }
}

/// Every problem found in a configuration file, in file order, so one run reports them all.
public struct ConfigLoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [ConfigError]

    public init(errors: [ConfigError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
