import Foundation
import Yams

/// Reads a scenario from YAML (snake_case keys, ISO 8601 timestamps) and checks what the
/// decoder cannot: account id shape and uniqueness, unique role names and access keys.
public enum ScenarioLoader {
    public static func load(contentsOf url: URL) throws(ScenarioLoadError) -> Scenario {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ScenarioLoadError(file: url.path, problem: "cannot be read (\(error.localizedDescription)); check the --scenario path")
        }
        return try decode(yaml: text, file: url.path)
    }

    /// Decodes and validates YAML text; `file` names it in errors.
    public static func decode(yaml: String, file: String) throws(ScenarioLoadError) -> Scenario {
        let scenario: Scenario
        do {
            scenario = try YAMLDecoder().decode(Scenario.self, from: yaml)
        } catch let error as YamlError {
            throw ScenarioLoadError(file: file, problem: "is not valid YAML: \(error)")
        } catch let error as DecodingError {
            throw ScenarioLoadError(file: file, problem: describe(error))
        } catch {
            throw ScenarioLoadError(file: file, problem: "cannot be decoded: \(error)")
        }
        try validate(scenario, file: file)
        return scenario
    }

    public static func validate(_ scenario: Scenario, file: String) throws(ScenarioLoadError) {
        var accountIds = Set<String>()
        var accessKeys = Set<String>()
        for (index, account) in scenario.accounts.enumerated() {
            guard account.id.count == 12, account.id.allSatisfy(\.isASCIIDigit) else {
                throw ScenarioLoadError(file: file, problem: "accounts[\(index)].id '\(account.id)' is not a 12-digit AWS account id")
            }
            guard account.currency.count == 3, account.currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw ScenarioLoadError(file: file, problem: "accounts[\(index)].currency '\(account.currency)' is not an ISO 4217 code such as USD or EUR")
            }
            guard accountIds.insert(account.id).inserted else {
                throw ScenarioLoadError(file: file, problem: "account id \(account.id) appears more than once; each account must be listed once")
            }
            var roleNames = Set<String>()
            for role in account.roles where !roleNames.insert(role.name).inserted {
                throw ScenarioLoadError(file: file, problem: "account \(account.id) defines role '\(role.name)' more than once; role names are unique per account")
            }
            for user in account.users where !accessKeys.insert(user.accessKeyId).inserted {
                throw ScenarioLoadError(file: file, problem: "access key \(user.accessKeyId) (user '\(user.name)' in account \(account.id)) is used by more than one user")
            }
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return "is missing the required key '\(key.stringValue)'" + (at.isEmpty ? "" : " in \(at)")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "has a wrong value at \(path(context.codingPath)): expected \(type) (\(context.debugDescription))"
        case .dataCorrupted(let context):
            return "has an invalid value at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "cannot be decoded: \(error)"
        }
    }
}

/// A scenario file the sandbox cannot use.
public struct ScenarioLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var problem: String

    public var description: String { "chargeback-sandbox: scenario \(file) \(problem)." }
}
