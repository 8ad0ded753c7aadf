/// Splits a `credential_process` command line into arguments the way Python's `shlex.split`
/// (POSIX mode, which botocore uses) does, so the command runs without a shell: whitespace
/// separates words; single quotes keep everything literally; double quotes keep everything but
/// let a backslash escape `"` and `\`; outside quotes a backslash escapes any character.
public enum CommandLineSplitter {
    public struct SplitError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func split(_ line: String) throws -> [String] {
        enum State { case between, word, singleQuoted, doubleQuoted }
        var words: [String] = []
        var current = ""
        var state = State.between
        var iterator = line.makeIterator()

        while let character = iterator.next() {
            switch state {
            case .between, .word:
                if character.isWhitespace {
                    if state == .word { words.append(current); current = "" }
                    state = .between
                } else if character == "'" {
                    state = .singleQuoted
                } else if character == "\"" {
                    state = .doubleQuoted
                } else if character == "\\" {
                    guard let escaped = iterator.next() else {
                        throw SplitError(message: "the command line ends with a lone backslash")
                    }
                    // shlex drops an escaped newline entirely (a line continuation).
                    if escaped != "\n" { current.append(escaped) }
                    state = .word
                } else {
                    current.append(character)
                    state = .word
                }
            case .singleQuoted:
                if character == "'" { state = .word } else { current.append(character) }
            case .doubleQuoted:
                if character == "\"" {
                    state = .word
                } else if character == "\\" {
                    guard let escaped = iterator.next() else {
                        throw SplitError(message: "the command line has a double quote that is never closed")
                    }
                    if escaped != "\"" && escaped != "\\" { current.append("\\") }
                    current.append(escaped)
                } else {
                    current.append(character)
                }
            }
        }
        switch state {
        case .singleQuoted: throw SplitError(message: "the command line has a single quote that is never closed")
        case .doubleQuoted: throw SplitError(message: "the command line has a double quote that is never closed")
        case .word: words.append(current)
        case .between: break
        }
        return words
    }
}
