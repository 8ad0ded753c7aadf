import Foundation

/// An inline session policy passed to AssumeRole: it can only narrow what the session may do.
/// Statements with `Effect`, `Action` and `Resource` (string or list, `*`/`?` wildcards) are
/// understood; an explicit Deny wins over any Allow, and anything not allowed is denied.
public struct SessionPolicy: Sendable, Equatable {
    public struct Statement: Sendable, Equatable {
        public var allows: Bool
        public var actions: [String]
        public var resources: [String]
    }

    public var statements: [Statement]

    /// Parses a policy document; throws `MalformedPolicyDocument` as AWS does.
    public init(json text: String) throws(SandboxAPIError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
              let document = object as? [String: Any] else {
            throw Self.malformed("the policy is not a JSON object")
        }
        let rawStatements: [Any]
        switch document["Statement"] {
        case let list as [Any]: rawStatements = list
        case let single as [String: Any]: rawStatements = [single]
        default: throw Self.malformed("the policy has no Statement")
        }
        var statements: [Statement] = []
        for raw in rawStatements {
            guard let statement = raw as? [String: Any] else { throw Self.malformed("a Statement is not an object") }
            guard let effect = statement["Effect"] as? String, effect == "Allow" || effect == "Deny" else {
                throw Self.malformed("a Statement's Effect must be Allow or Deny")
            }
            guard let actions = Self.strings(statement["Action"]) else {
                throw Self.malformed("a Statement has no Action")
            }
            let resources = statement["Resource"].map { Self.strings($0) ?? [] } ?? ["*"]
            statements.append(Statement(allows: effect == "Allow", actions: actions, resources: resources))
        }
        self.statements = statements
    }

    /// True when some statement allows `action` on `resource` and none denies it. A nil
    /// resource (an API call whose resource the sandbox does not model) matches any Resource.
    public func allows(action: String, resource: String?) -> Bool {
        let matching = statements.filter { statement in
            WildcardPattern.actionAllowed(action, by: statement.actions)
                && (resource.map { resource in statement.resources.contains { WildcardPattern.matches($0, resource) } } ?? true)
        }
        if matching.contains(where: { !$0.allows }) { return false }
        return matching.contains { $0.allows }
    }

    private static func strings(_ value: Any?) -> [String]? {
        switch value {
        case let single as String: return [single]
        case let list as [Any]: return list.compactMap { $0 as? String }
        default: return nil
        }
    }

    private static func malformed(_ reason: String) -> SandboxAPIError {
        SandboxAPIError(code: "MalformedPolicyDocument", message: "Syntax errors in policy: \(reason).", status: 400)
    }
}
