import Foundation
import Yams

extension ConfigDecoder {
    func decodeUsageTypeRules(_ node: Node?, at path: ConfigKeyPath) -> UsageTypeRules? {
        guard let node else { return .standard }
        guard let mapping = mapping(node, at: path, allowedKeys: ConfigurationKeys.usageTypeRules) else { return nil }
        func pattern(_ key: String, default fallback: String) -> String? {
            guard let value = mapping.value(key) else { return fallback }
            guard let pattern = text(value, at: mapping.path(key)) else { return nil }
            do {
                _ = try NSRegularExpression(pattern: pattern)
                return pattern
            } catch {
                report("'\(pattern)' is not a valid regular expression (ICU syntax, e.g. \"(?i)reader|session\")", at: value, path: mapping.path(key))
                return nil
            }
        }
        let spice = pattern("spice", default: UsageTypeRules.defaultSpicePattern)
        let sessions = pattern("sessions", default: UsageTypeRules.defaultSessionsPattern)
        let users = pattern("users", default: UsageTypeRules.defaultUsersPattern)
        guard let spice, let sessions, let users else { return nil }
        return try? UsageTypeRules(spice: spice, sessions: sessions, users: users)
    }
}
