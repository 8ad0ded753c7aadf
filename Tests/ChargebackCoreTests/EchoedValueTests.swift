@testable import ChargebackCore
import Testing

@Suite struct EchoedValueTests {
    @Test func longValuesAreCutAndProseIsKept() {
        let value = String(repeating: "a", count: 5_000)
        #expect(EchoedValue.cuttingQuotedValues(in: "'\(value)' is not a region") == "'\(String(repeating: "a", count: 80))…' is not a region")
        let prose = "account 1 is also business unit 'retail's account; workgroup 'bi' in us-east-1 is listed by both"
        #expect(EchoedValue.cuttingQuotedValues(in: prose) == prose)
        let spaced = String(repeating: "word ", count: 100_000)
        #expect(EchoedValue.cuttingQuotedValues(in: "'\(spaced)' is not valid").count < EchoedValue.messageLimit + 10)
    }
}
