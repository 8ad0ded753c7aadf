import Foundation
import Yams

/// Walks a composed YAML tree into a `ChargebackConfig`, collecting every problem on the way
/// (each with its line, column and key path) instead of stopping at the first.
final class ConfigDecoder {
    let file: String
    private(set) var errors: [ConfigError] = []

    init(file: String) {
        self.file = file
    }

    func report(_ message: String, at node: Node?, path: ConfigKeyPath) {
        errors.append(ConfigError(
            file: file, line: node?.mark?.line, column: node?.mark?.column,
            keyPath: EchoedValue.cut(path.description), message: EchoedValue.cuttingQuotedValues(in: message)))
    }

    // MARK: Structure

    /// `node` as a mapping whose keys are all in `allowedKeys`; reports a wrong type and every
    /// unknown key (with the closest known key as a hint).
    func mapping(_ node: Node, at path: ConfigKeyPath, allowedKeys: [String]) -> ConfigMapping? {
        guard case .mapping(let mapping) = node else {
            report("expected a mapping (key: value pairs), found \(node.kindDescription)", at: node, path: path)
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                report("a key must be a plain name, found \(keyNode.kindDescription)", at: keyNode, path: path)
                continue
            }
            let key = scalar.string
            guard allowedKeys.contains(key) else {
                report(unknownKeyMessage(key, allowedKeys: allowedKeys), at: keyNode, path: path.appending(key))
                continue
            }
            entries.append((key, keyNode, value))
        }
        return ConfigMapping(node: node, path: path, entries: entries)
    }

    private func unknownKeyMessage(_ key: String, allowedKeys: [String]) -> String {
        if let suggestion = KeySuggestion.closest(to: key, among: allowedKeys) {
            return "unknown key '\(key)'; did you mean '\(suggestion)'?"
        }
        let known = allowedKeys.map { "'\($0)'" }.joined(separator: ", ")
        return "unknown key '\(key)'; expected one of \(known)"
    }

    /// The value of a required key; reports it (at the enclosing mapping) when absent or empty.
    func required(_ key: String, in mapping: ConfigMapping, hint: String) -> Node? {
        if let value = mapping.value(key) { return value }
        let problem = mapping.contains(key) ? "'\(key)' has no value" : "missing required key '\(key)'"
        report("\(problem); \(hint)", at: mapping.node, path: mapping.path(key))
        return nil
    }

    /// The decoded value of an optional key: nil when the key is absent or empty, and also nil,
    /// with `valid` cleared, when `decode` rejected (and reported) the value.
    func optional<Value>(_ key: String, in mapping: ConfigMapping, valid: inout Bool,
                         _ decode: (Node, ConfigKeyPath) -> Value?) -> Value? {
        guard let node = mapping.value(key) else { return nil }
        let value = decode(node, mapping.path(key))
        if value == nil { valid = false }
        return value
    }

    func sequence(_ node: Node, at path: ConfigKeyPath) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            report("expected a list, found \(node.kindDescription)", at: node, path: path)
            return nil
        }
        return Array(sequence)
    }

    // MARK: Scalars

    /// The text of a single value (a string or a number); reports lists and mappings.
    func text(_ node: Node, at path: ConfigKeyPath) -> String? {
        guard case .scalar(let scalar) = node, !node.isNull else {
            report("expected a single value, found \(node.kindDescription)", at: node, path: path)
            return nil
        }
        return scalar.string
    }

    /// A list of single values, each non-empty and unique.
    func textList(_ node: Node, at path: ConfigKeyPath, itemDescription: String) -> [String]? {
        guard let items = sequence(node, at: path) else { return nil }
        var values: [String] = []
        var valid = true
        for (index, item) in items.enumerated() {
            let itemPath = path.appending(index: index)
            guard let value = text(item, at: itemPath) else { valid = false; continue }
            if values.contains(value) {
                report("'\(value)' is listed twice; list each \(itemDescription) once", at: item, path: itemPath)
                valid = false
            }
            values.append(value)
        }
        return valid ? values : nil
    }

    /// An amount written as a plain decimal (`1500.10`), read from its text.
    func decimal(_ node: Node, at path: ConfigKeyPath, what: String) -> Decimal? {
        guard let raw = text(node, at: path) else { return nil }
        guard let value = DecimalLiteral.parse(raw) else {
            report("'\(raw)' is not \(what); write a plain decimal number such as 1500.00", at: node, path: path)
            return nil
        }
        return value
    }

    /// A strictly positive price.
    func price(_ node: Node, at path: ConfigKeyPath) -> Decimal? {
        guard let value = decimal(node, at: path, what: "a price") else { return nil }
        guard value > 0 else {
            report("a price must be greater than 0, found \(value)", at: node, path: path)
            return nil
        }
        return value
    }

    /// An AWS account id: 12 digits, written as a quoted string so YAML keeps leading zeros.
    func accountID(_ node: Node, at path: ConfigKeyPath) -> String? {
        guard let raw = text(node, at: path) else { return nil }
        let quoteHint = "account ids must be quoted strings, e.g. \"012345678901\" (YAML reads an unquoted one as a number and drops leading zeros)"
        guard AWSAccountIDFormat.isValid(raw) else {
            let advice = node.isNumber ? quoteHint : "expected exactly 12 digits"
            report("'\(raw)' is not a 12-digit AWS account id; \(advice)", at: node, path: path)
            return nil
        }
        guard !node.isNumber else {
            report("\(quoteHint); write \"\(raw)\"", at: node, path: path)
            return nil
        }
        return raw
    }

    /// A region name such as `us-east-1`.
    func region(_ node: Node, at path: ConfigKeyPath) -> String? {
        guard let raw = text(node, at: path) else { return nil }
        guard AWSRegionFormat.isValid(raw) else {
            report("'\(raw)' is not an AWS region name; expected a name like us-east-1 or eu-west-2", at: node, path: path)
            return nil
        }
        return raw
    }

    /// An IAM role ARN, optionally required to belong to `accountId`.
    func roleARN(_ node: Node, at path: ConfigKeyPath, accountId: String?, accountKeyPath: String) -> IAMRoleARN? {
        guard let raw = text(node, at: path) else { return nil }
        guard let arn = IAMRoleARN(raw) else {
            report("'\(raw)' is not an IAM role ARN; expected arn:aws:iam::<12-digit account>:role/<name> (partition aws, aws-cn or aws-us-gov)", at: node, path: path)
            return nil
        }
        if let accountId, arn.accountId != accountId {
            report("the role is in account \(arn.accountId) but \(accountKeyPath) is \(accountId); the role must belong to that account", at: node, path: path)
            return nil
        }
        return arn
    }

    /// A value from a fixed set of names, such as a cost metric.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: Node, at path: ConfigKeyPath, what: String, as type: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        guard let raw = text(node, at: path) else { return nil }
        if let value = Choice(rawValue: raw) { return value }
        let names = Choice.allCases.map(\.rawValue)
        let hint = KeySuggestion.closest(to: raw, among: names).map { "did you mean '\($0)'? " } ?? ""
        report("unknown \(what) '\(raw)'; \(hint)expected one of \(names.joined(separator: ", "))", at: node, path: path)
        return nil
    }
}
