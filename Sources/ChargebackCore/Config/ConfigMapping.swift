import Yams

/// A YAML mapping of the configuration whose keys have been checked against the known ones.
struct ConfigMapping {
    let node: Node
    let path: ConfigKeyPath
    /// Entries in file order, with scalar keys only.
    let entries: [(key: String, keyNode: Node, value: Node)]

    /// The value for `key`, or nil when the key is absent or has an empty (null) value.
    func value(_ key: String) -> Node? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    func contains(_ key: String) -> Bool {
        entries.contains { $0.key == key }
    }

    func path(_ key: String) -> ConfigKeyPath {
        path.appending(key)
    }

    /// The keys present, other than `allowed` ones.
    func keys(otherThan allowed: Set<String>) -> [(key: String, keyNode: Node)] {
        entries.filter { !allowed.contains($0.key) }.map { ($0.key, $0.keyNode) }
    }
}

extension Node {
    /// A YAML null: an empty value, `~` or `null`.
    var isNull: Bool {
        guard case .scalar = self else { return false }
        return tag.description == Tag.Name.null.rawValue
    }

    /// The resolved YAML type of a scalar (`str`, `int`, `float`, `bool`, `null`, …).
    var isNumber: Bool {
        let name = tag.description
        return name == Tag.Name.int.rawValue || name == Tag.Name.float.rawValue
    }

    /// How the value reads to a user, for "expected …, found …" messages.
    var kindDescription: String {
        switch self {
        case .mapping: return "a mapping (key: value pairs)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "an empty value" }
            if isNumber { return "the number \(scalar.string)" }
            return "'\(scalar.string)'"
        }
    }
}
