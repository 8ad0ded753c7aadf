import AWSCore
import Foundation

/// A hint for AccessDenied that says who was refused what, and which policy to change, from
/// the message AWS sends ("User: arn:… is not authorized to perform: athena:ListWorkGroups …").
struct AccessDeniedHint {
    let text: String

    init(error: any Error, step: CheckStep) {
        let serviceError = error as? AWSServiceError
        let message = serviceError?.message ?? ""
        let action = Self.match(message, after: "not authorized to perform: ")
            ?? serviceError.map { "\(Self.actionPrefix($0.service)):\($0.operation)" }
            ?? Self.defaultAction(step)
        let principal = Self.match(message, after: "User: ")
        let who = principal.map { EchoedValue.cut($0) } ?? Self.defaultPrincipal(step)
        let policy: String
        if message.contains("explicit deny") {
            policy = "remove the explicit deny (an identity policy, permissions boundary or SCP) that names \(action)"
        } else if message.contains("session policy") {
            policy = "allow \(action) in the session policy the caller passed when assuming the role"
        } else {
            policy = "allow \(action) in \(Self.policyOwner(principal, step: step))"
        }
        text = "\(who) may not call \(action): \(policy)"
    }

    /// The word after `marker` in `message`, trimmed of punctuation.
    private static func match(_ message: String, after marker: String) -> String? {
        guard let range = message.range(of: marker) else { return nil }
        let word = message[range.upperBound...].prefix { !$0.isWhitespace }
        let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;()"))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// "the permissions policy of role qs-athena-consumer-role in account 222222222222 (Role B)".
    private static func policyOwner(_ principal: String?, step: CheckStep) -> String {
        let role = step == .quickSight || step == .baseCredentials ? "the central principal" : "Role B"
        guard let principal else { return "\(role)'s permissions policy" }
        let parts = principal.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return "\(role)'s permissions policy" }
        let account = parts[4]
        let resource = parts[5].split(separator: "/")
        if resource.first == "assumed-role", resource.count >= 2 {
            return "the permissions policy of role \(EchoedValue.cut(String(resource[1]))) in account \(account) (\(role))"
        }
        if resource.first == "user", resource.count >= 2 {
            return "the policies of IAM user \(EchoedValue.cut(String(resource[resource.count - 1]))) in account \(account)"
        }
        return "the identity policy of \(EchoedValue.cut(principal))"
    }

    /// IAM actions are prefixed with the service's signing name ("ce:GetCostAndUsage").
    private static func actionPrefix(_ service: String) -> String {
        AWSServiceDescriptor.named(service)?.signingName ?? service.lowercased()
    }

    private static func defaultAction(_ step: CheckStep) -> String {
        switch step {
        case .baseCredentials, .identity: "sts:GetCallerIdentity"
        case .roleA, .roleB: "sts:AssumeRole"
        case .athena: "athena:ListWorkGroups"
        case .costExplorer: "ce:GetCostAndUsage"
        case .quickSight: "quicksight:ListDataSources"
        }
    }

    private static func defaultPrincipal(_ step: CheckStep) -> String {
        switch step {
        case .baseCredentials, .quickSight, .roleA: "the central principal"
        default: "the Role B session"
        }
    }
}
