import Foundation
import Testing
@testable import ChargebackCore

@Suite("Config: the sample written by `chargeback init`")
struct ConfigSampleTests {
    @Test("the sample parses, validates and describes the sample organisation")
    func sampleIsValid() throws {
        let config = try ConfigLoader.parse(SampleConfig.text, path: "chargeback.yaml")
        #expect(config.central.accountId == "111111111111")
        #expect(config.central.runAsRoleArn?.text == "arn:aws:iam::111111111111:role/qs-athena-cross-account-role-a")
        #expect(config.businessUnits.map(\.id) == ["retail", "invest", "risk"])
        #expect(config.businessUnits.map(\.accountId) == ["222222222222", "333333333333", "444444444444"])
        for unit in config.businessUnits {
            #expect(unit.roleArn.text == "arn:aws:iam::\(unit.accountId):role/qs-athena-consumer-role")
            #expect(unit.externalId == "arn:aws:quicksight:us-east-1:111111111111:datasource/athena-\(unit.id)")
            #expect(QuickSightDataSourceARN(unit.externalId)?.accountId == config.central.accountId)
        }
        #expect(config.businessUnit(id: "risk")?.regions == ["us-east-1", "eu-west-1"])
        #expect(config.allocation.other == .fixed(shares: [
            AllocationShare(businessUnitId: "retail", percent: 50),
            AllocationShare(businessUnitId: "invest", percent: 30),
            AllocationShare(businessUnitId: "risk", percent: 20),
        ]))
    }

    @Test("every key in the sample is explained by a comment on its line or just above it")
    func everyKeyIsCommented() {
        let lines = SampleConfig.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var uncommented: [String] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), trimmed.contains(":") else { continue }
            let commentAbove = index > 0 && lines[index - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#")
            if !line.contains(" #") && !commentAbove { uncommented.append(line) }
        }
        #expect(uncommented.isEmpty, "uncommented: \(uncommented)")
        #expect(SampleConfig.text.hasSuffix("\n"))
    }
}
