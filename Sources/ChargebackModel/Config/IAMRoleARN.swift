/// An IAM role ARN, `arn:<partition>:iam::<account>:role/<path/>name`, taken apart so the
/// account can be checked against the configured account id.
public struct IAMRoleARN: Sendable, Hashable, CustomStringConvertible {
    /// `aws`, `aws-cn` or `aws-us-gov`.
    public let partition: String
    /// 12 digits.
    public let accountId: String
    /// The role path between `role/` and the name, `/` when the role has none (`/team/` otherwise).
    public let path: String
    public let roleName: String
    /// The ARN exactly as written.
    public let text: String

    public static let partitions: Set<String> = ["aws", "aws-cn", "aws-us-gov"]

    /// Parses `text`; nil when it is not a well-formed IAM role ARN.
    public init?(_ text: String) {
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn", Self.partitions.contains(String(fields[1])),
              fields[2] == "iam", fields[3].isEmpty, AWSAccountIDFormat.isValid(String(fields[4])),
              fields[5].hasPrefix("role/")
        else { return nil }
        let resource = fields[5].dropFirst("role/".count)
        let segments = resource.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = segments.last, Self.isValidRoleName(name),
              segments.dropLast().allSatisfy(Self.isValidPathSegment)
        else { return nil }
        partition = String(fields[1])
        accountId = String(fields[4])
        roleName = String(name)
        let pathSegments = segments.dropLast()
        path = pathSegments.isEmpty ? "/" : "/" + pathSegments.joined(separator: "/") + "/"
        self.text = text
    }

    public var description: String { text }

    // IAM role names: 1–64 of `[\w+=,.@-]`.
    private static func isValidRoleName(_ name: Substring) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy(isRoleNameCharacter)
    }

    private static func isValidPathSegment(_ segment: Substring) -> Bool {
        !segment.isEmpty && segment.unicodeScalars.allSatisfy(isRoleNameCharacter)
    }

    private static func isRoleNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_+=,.@-".unicodeScalars.contains(scalar))
    }
}
