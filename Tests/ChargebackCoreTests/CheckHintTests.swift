import AWSCore
@testable import ChargebackCore
import Testing

/// Hints a person can act on: who was refused what and where to fix it, and expired sessions
/// told apart from expired base credentials.
@Suite struct CheckHintTests {
    func hint(_ error: any Error, _ step: CheckStep) -> String {
        guard case let .failed(_, hint) = CheckHint.outcome(for: error, step: step) else { return "" }
        return hint
    }

    func serviceError(_ service: String, _ operation: String, _ code: String, _ message: String) -> AWSServiceError {
        AWSServiceError(service: service, operation: operation, code: code, message: message, httpStatus: 400, requestId: "r")
    }

    @Test func accessDeniedNamesActionPrincipalAndPolicy() {
        let longTail = String(repeating: "because no identity-based policy allows it ", count: 20)
        let error = serviceError("CostExplorer", "GetCostAndUsage", "AccessDeniedException",
                                 "User: arn:aws:sts::222222222222:assumed-role/consumer-role/chargeback-retail is not authorized to perform: ce:GetCostAndUsage \(longTail)")
        let text = hint(error, .costExplorer)
        #expect(text == "arn:aws:sts::222222222222:assumed-role/consumer-role/chargeback-retail may not call ce:GetCostAndUsage: allow ce:GetCostAndUsage in the permissions policy of role consumer-role in account 222222222222 (Role B)")
    }

    @Test func accessDeniedWithoutAParsableMessageStillNamesTheAction() {
        let text = hint(serviceError("QuickSight", "ListDataSources", "AccessDeniedException", "Access denied"), .quickSight)
        #expect(text == "the central principal may not call quicksight:ListDataSources: allow quicksight:ListDataSources in the central principal's permissions policy")
    }

    @Test func anExpiredRoleSessionIsNotHintedAsTheBaseSession() {
        let expired = serviceError("STS", "AssumeRole", "ExpiredToken", "The security token included in the request is expired")
        #expect(hint(expired, .baseCredentials).contains("aws sso login"))
        #expect(hint(expired, .roleA).contains("aws sso login"))
        for step in [CheckStep.roleB, .identity, .athena, .costExplorer] {
            #expect(!hint(expired, step).contains("sso login"), "\(step)")
            #expect(hint(expired, step).contains("session expired"), "\(step)")
        }
    }
}
