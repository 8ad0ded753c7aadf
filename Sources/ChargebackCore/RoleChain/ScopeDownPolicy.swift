import Foundation

/// The inline session policy passed when assuming Role A for one BU: it allows nothing but
/// `sts:AssumeRole` on that BU's Role B, so a leaked Role A session cannot reach other accounts.
public enum ScopeDownPolicy {
    public static func allowingAssumeRole(of roleArn: String) -> String {
        // Compact and deterministic: STS counts the packed size, and tests compare text.
        let statement: [String: Any] = ["Effect": "Allow", "Action": "sts:AssumeRole", "Resource": roleArn]
        let document: [String: Any] = ["Version": "2012-10-17", "Statement": [statement]]
        let data = try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// STS session names the tool uses: they name the tool and the BU so CloudTrail shows who
/// made each call, and stay within STS's limits (2–64 characters of `[\w+=,.@-]`).
public enum RoleSessionName {
    public static let prefix = "chargeback-"
    public static let maximumLength = 64

    public static func forBusinessUnit(_ id: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+=,.@-")
        let cleaned = String(id.map { allowed.contains($0) ? $0 : "-" })
        return String((prefix + cleaned).prefix(maximumLength))
    }

    /// The session name for the central account's own calls (discover, central costs).
    public static let central = prefix + "central"
}
