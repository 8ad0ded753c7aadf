/// A position in the configuration document, written the way users read it:
/// `business_units[1].account_id` (list indexes count from 0).
struct ConfigKeyPath: Sendable, Equatable, CustomStringConvertible {
    private enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    private var components: [Component] = []

    static let root = ConfigKeyPath()

    func appending(_ key: String) -> ConfigKeyPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    func appending(index: Int) -> ConfigKeyPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
