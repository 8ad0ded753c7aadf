import AWSCore
import Testing
@testable import ChargebackCore

/// The hint `check` prints for each kind of AWS refusal, the codes written out as services send them.
@Suite("check: hints for each kind of AWS refusal")
struct CheckRefusalHintTests {
    static func refusal(_ code: String, service: String = "STS") -> AWSServiceError {
        AWSServiceError(service: service, operation: "Call", code: code, message: "refused", httpStatus: 400, requestId: nil)
    }

    static func hint(_ error: any Error, step: CheckStep) -> String? {
        guard case let .failed(_, hint) = CheckHint.outcome(for: error, step: step) else { return nil }
        return hint
    }

    @Test func aRequestSignedTooLongAgoKeepsTheGenericHint() {
        #expect(Self.hint(Self.refusal("RequestExpired"), step: .athena) == "STS Call failed with RequestExpired (HTTP 400): refused")
    }

    @Test(arguments: [
        (CheckStep.roleA, "AccessDenied", "Role A's trust policy does not accept the reporter's principal"),
        (.roleB, "AccessDenied", "Role B's trust policy does not accept this ExternalId"),
    ])
    func accessDeniedNamesWhatToFix(step: CheckStep, code: String, prefix: String) {
        #expect(Self.hint(Self.refusal(code), step: step)?.hasPrefix(prefix) == true)
    }

    @Test(arguments: ["LimitExceededException", "ThrottlingException", "TooManyRequestsException", "Throttling"])
    func throttledAfterRetries(code: String) {
        #expect(Self.hint(Self.refusal(code, service: "CostExplorer"), step: .costExplorer)
            == "throttled even after retries: run again later or lower --concurrency")
    }

    @Test func codesStayAsAWSSentThem() {
        #expect(CheckHint.outcome(for: Self.refusal("LimitExceededException"), step: .costExplorer)
            == .failed(code: "LimitExceededException", hint: "throttled even after retries: run again later or lower --concurrency"))
    }
}
