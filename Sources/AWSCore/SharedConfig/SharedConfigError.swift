/// A shared config or credentials file that cannot be used as written.
public struct SharedConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file at fault.
    public var path: String
    /// The 1-based line at fault, when the problem is on one line.
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "SharedConfigFiles: \(location): \(message)"
    }
}
