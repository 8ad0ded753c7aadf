import Foundation

/// Regular expressions that sort Quick's Cost Explorer usage types into categories.
/// Rules are tried in the order spice, sessions, users; a usage type no rule matches is `other`.
public struct UsageTypeRules: Sendable, Equatable {
    /// The rule sources, as written (NSRegularExpression syntax, e.g. `(?i)spice`).
    public let spicePattern: String
    public let sessionsPattern: String
    public let usersPattern: String

    private let spice: NSRegularExpression
    private let sessions: NSRegularExpression
    private let users: NSRegularExpression

    public static let defaultSpicePattern = "(?i)spice"
    public static let defaultSessionsPattern = "(?i)reader|session|capacity"
    public static let defaultUsersPattern = "(?i)user|author"

    /// The rules the documentation documents as defaults.
    public static let standard = try! UsageTypeRules(
        spice: defaultSpicePattern, sessions: defaultSessionsPattern, users: defaultUsersPattern)

    /// Compiles the three patterns; throws the `NSRegularExpression` error of the first that
    /// does not compile.
    public init(spice: String, sessions: String, users: String) throws {
        self.spice = try NSRegularExpression(pattern: spice)
        self.sessions = try NSRegularExpression(pattern: sessions)
        self.users = try NSRegularExpression(pattern: users)
        spicePattern = spice
        sessionsPattern = sessions
        usersPattern = users
    }

    /// The category of a Cost Explorer usage type: the first rule that matches anywhere in it.
    public func category(forUsageType usageType: String) -> QuickCostCategory {
        let ordered: [(NSRegularExpression, QuickCostCategory)] = [
            (spice, .spice), (sessions, .sessions), (users, .users),
        ]
        let range = NSRange(usageType.startIndex..., in: usageType)
        for (expression, category) in ordered where expression.firstMatch(in: usageType, range: range) != nil {
            return category
        }
        return .other
    }

    public static func == (lhs: UsageTypeRules, rhs: UsageTypeRules) -> Bool {
        lhs.spicePattern == rhs.spicePattern
            && lhs.sessionsPattern == rhs.sessionsPattern
            && lhs.usersPattern == rhs.usersPattern
    }
}
