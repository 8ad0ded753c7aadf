import Foundation

/// Every query execution of a scenario, expanded once and never mutated: grouped per
/// (account, region, workgroup) and sorted newest first inside each group, with lookups by id.
final class AthenaExecutionStore: Sendable {
    struct Slot: Sendable {
        let accountId: String
        let region: String
        let workgroup: String
        let records: Range<Int>
    }

    private struct GeneratedKey: Sendable {
        let high: UInt64
        let index: Int32
    }

    let slots: [Slot]
    let records: [AthenaExecutionRecord]
    let explicitExecutions: [ScenarioQueryExecution]
    private let slotIndex: [String: Int32]
    private let generatedLookup: [GeneratedKey]
    private let explicitLookup: [String: Int32]

    init(scenario: Scenario) {
        var slotKeys: [String: Int32] = [:]
        var slotNames: [(account: String, region: String, workgroup: String)] = []
        var explicit: [ScenarioQueryExecution] = []
        var bySlot: [[AthenaExecutionRecord]] = []

        func slot(_ account: String, _ region: String, _ workgroup: String) -> Int32 {
            let key = Self.key(account, region, workgroup)
            if let existing = slotKeys[key] { return existing }
            let new = Int32(slotNames.count)
            slotKeys[key] = new
            slotNames.append((account, region, workgroup))
            bySlot.append([])
            return new
        }

        for account in scenario.accounts {
            for workgroup in account.workgroups { _ = slot(account.id, workgroup.region, workgroup.name) }
            for generator in account.queryGenerators {
                let index = slot(account.id, generator.region, generator.workgroup)
                QueryGeneratorExpander(generator: generator).expand(slot: index, into: &bySlot[Int(index)])
            }
            for execution in account.queryExecutions {
                let index = slot(account.id, execution.region, execution.workgroup)
                let hash = ScenarioRandom.stableHash(execution.id)
                bySlot[Int(index)].append(AthenaExecutionRecord(
                    idHigh: hash, idLow: ScenarioRandom.mix(hash), submittedMillis: execution.submitted.epochMillis,
                    dataScannedBytes: execution.dataScannedBytes, engineMillis: Int32(clamping: execution.engineTimeMillis), queueMillis: 0,
                    slot: index, explicitIndex: Int32(explicit.count),
                    state: AthenaExecutionRecord.State(wireName: execution.state) ?? .succeeded,
                    statement: AthenaExecutionRecord.Statement(wireName: execution.statementType) ?? .dml,
                    reusedPreviousResult: execution.reusedPreviousResult, template: 0))
                explicit.append(execution)
            }
        }

        var all: [AthenaExecutionRecord] = []
        all.reserveCapacity(bySlot.reduce(0) { $0 + $1.count })
        var builtSlots: [Slot] = []
        for (index, var group) in bySlot.enumerated() {
            group.sort(by: AthenaExecutionRecord.newestFirst)
            let start = all.count
            all.append(contentsOf: group)
            let names = slotNames[index]
            builtSlots.append(Slot(accountId: names.account, region: names.region, workgroup: names.workgroup, records: start..<all.count))
        }

        var generated: [GeneratedKey] = []
        var explicitIds: [String: Int32] = [:]
        for (index, record) in all.enumerated() {
            if record.isGenerated {
                generated.append(GeneratedKey(high: record.idHigh, index: Int32(index)))
            } else {
                explicitIds[explicit[Int(record.explicitIndex)].id] = Int32(index)
            }
        }
        generated.sort { $0.high < $1.high }

        slots = builtSlots
        records = all
        explicitExecutions = explicit
        slotIndex = slotKeys
        generatedLookup = generated
        explicitLookup = explicitIds
    }

    func slot(accountId: String, region: String, workgroup: String) -> Int32? {
        slotIndex[Self.key(accountId, region, workgroup)]
    }

    /// The record positions of a slot visible at `nowMillis`: submitted no later than now and
    /// within the retention window, newest first.
    func visibleRange(slot: Int32, nowMillis: Int64, retentionMillis: Int64) -> Range<Int> {
        let range = slots[Int(slot)].records
        let start = firstIndex(in: range) { $0.submittedMillis <= nowMillis }
        let end = firstIndex(in: start..<range.upperBound) { $0.submittedMillis < nowMillis - retentionMillis }
        return start..<end
    }

    /// The record position of an execution id, in any account.
    func recordIndex(of id: String) -> Int? {
        if let explicit = explicitLookup[id] { return Int(explicit) }
        guard let parsed = AthenaExecutionID.parse(id) else { return nil }
        var low = 0
        var high = generatedLookup.count
        while low < high {
            let middle = (low + high) / 2
            if generatedLookup[middle].high < parsed.high { low = middle + 1 } else { high = middle }
        }
        while low < generatedLookup.count, generatedLookup[low].high == parsed.high {
            let index = Int(generatedLookup[low].index)
            if records[index].idLow == parsed.low { return index }
            low += 1
        }
        return nil
    }

    func idText(_ record: AthenaExecutionRecord) -> String {
        record.isGenerated
            ? AthenaExecutionID.text(high: record.idHigh, low: record.idLow)
            : explicitExecutions[Int(record.explicitIndex)].id
    }

    /// Binary search for the first record in `range` satisfying a predicate that is false then
    /// true along the newest-first order.
    private func firstIndex(in range: Range<Int>, where predicate: (AthenaExecutionRecord) -> Bool) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if predicate(records[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static func key(_ account: String, _ region: String, _ workgroup: String) -> String {
        "\(account)\u{1F}\(region)\u{1F}\(workgroup)"
    }
}
