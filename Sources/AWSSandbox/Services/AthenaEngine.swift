import Foundation
import Synchronization

/// Amazon Athena for the caller's account and region: workgroups and the query history
/// (45 days, newest first, pages of at most 50), expanded from the scenario on first use.
public final class AthenaEngine: SandboxServiceEngine {
    /// Athena keeps 45 days of query history.
    static let retentionMillis: Int64 = 45 * 86_400_000
    static let maxPageSize = 50

    private let scenario: Scenario
    private let expanded = Mutex<AthenaExecutionStore?>(nil)
    /// Each account and region's workgroups, worked out once: every Athena call looks them up.
    private let workgroupLists = Mutex<[String: [ScenarioWorkgroup]]>([:])

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    public func handle(_ call: SandboxCall) throws(SandboxAPIError) -> SandboxReply {
        let body = try EngineRequestBody(call.body, invalid: SandboxAPIError.invalidRequest)
        switch call.operation {
        case "ListWorkGroups": return try listWorkGroups(call, body)
        case "GetWorkGroup": return try getWorkGroup(call, body)
        case "ListQueryExecutions": return try listQueryExecutions(call, body)
        case "BatchGetQueryExecution": return try batchGetQueryExecution(call, body)
        case "GetQueryExecution": return try getQueryExecution(call, body)
        default:
            throw SandboxAPIError(code: "UnknownOperationException",
                                  message: "The sandbox's Athena does not implement \(call.operation).")
        }
    }

    /// The expanded executions, built once by whichever call needs them first.
    var store: AthenaExecutionStore {
        expanded.withLock { current in
            if let current { return current }
            let built = AthenaExecutionStore(scenario: scenario)
            current = built
            return built
        }
    }

    // MARK: Workgroups

    /// The caller's workgroups in its region. `primary` exists in every account and region, as on
    /// AWS: with its defaults (no scan limit, results unencrypted) unless the scenario states it.
    private func workgroups(_ call: SandboxCall) -> [ScenarioWorkgroup] {
        let key = call.accountId + "/" + call.region
        if let known = workgroupLists.withLock({ $0[key] }) { return known }
        var declared = (scenario.account(call.accountId)?.workgroups ?? []).filter { $0.region == call.region }
        if !declared.contains(where: { $0.name == "primary" }) {
            declared.append(ScenarioWorkgroup(name: "primary", region: call.region, enforceWorkGroupConfiguration: false,
                                              resultEncryption: nil))
        }
        let sorted = declared.sorted { $0.name < $1.name }
        workgroupLists.withLock { $0[key] = sorted }
        return sorted
    }

    private func listWorkGroups(_ call: SandboxCall, _ body: EngineRequestBody) throws(SandboxAPIError) -> SandboxReply {
        let pageSize = try Self.pageSize(body, range: 1...Self.maxPageSize)
        let all = workgroups(call)
        let context = "\(call.accountId)/\(call.region)"
        let start = try Self.position(body, kind: "ListWorkGroups", context: context, limit: all.count)
        let end = min(all.count, start + pageSize)
        let renderer = AthenaWireRenderer(store: store, accountId: call.accountId, nowMillis: call.now.epochMillis)
        let next = end < all.count ? EnginePageToken(kind: "ListWorkGroups", context: context, position: end).text : nil
        return .wire(.members([
            ("WorkGroups", .array(all[start..<end].map(renderer.workgroupSummary))),
            ("NextToken", next.map { .string($0) }),
        ]))
    }

    private func getWorkGroup(_ call: SandboxCall, _ body: EngineRequestBody) throws(SandboxAPIError) -> SandboxReply {
        guard let name = try body.string("WorkGroup"), !name.isEmpty else {
            throw .invalidRequest("WorkGroup is required.")
        }
        guard let workgroup = workgroups(call).first(where: { $0.name == name }) else {
            throw .invalidRequest("WorkGroup \(name) is not found.")
        }
        let renderer = AthenaWireRenderer(store: store, accountId: call.accountId, nowMillis: call.now.epochMillis)
        return .wire(.object([("WorkGroup", renderer.workgroup(workgroup))]))
    }

    // MARK: Query executions

    private func listQueryExecutions(_ call: SandboxCall, _ body: EngineRequestBody) throws(SandboxAPIError) -> SandboxReply {
        let name = try body.string("WorkGroup") ?? "primary"
        let pageSize = try Self.pageSize(body, range: 1...Self.maxPageSize)
        let store = self.store
        let declared = workgroups(call).contains { $0.name == name }
        let slot = store.slot(accountId: call.accountId, region: call.region, workgroup: name)
        guard declared || slot != nil else { throw .invalidRequest("WorkGroup \(name) is not found.") }
        guard let slot else { return .wire(.object([("QueryExecutionIds", .array([]))])) }

        let visible = store.visibleRange(slot: slot, nowMillis: call.now.epochMillis, retentionMillis: Self.retentionMillis)
        // Positions are absolute in the slot's fixed order, so a token stays valid as `now` moves.
        let context = "\(call.accountId)/\(call.region)/\(name)"
        let slotRecords = store.slots[Int(slot)].records
        let position = try Self.position(body, kind: "ListQueryExecutions", context: context, limit: slotRecords.count)
        let start = max(visible.lowerBound, slotRecords.lowerBound + position)
        let end = min(visible.upperBound, start + pageSize)
        let ids = start < end ? (start..<end).map { WireJSON.string(store.idText(store.records[$0])) } : []
        let next = end < visible.upperBound
            ? EnginePageToken(kind: "ListQueryExecutions", context: context, position: end - slotRecords.lowerBound).text
            : nil
        return .wire(.members([("QueryExecutionIds", .array(ids)), ("NextToken", next.map { .string($0) })]))
    }

    private func batchGetQueryExecution(_ call: SandboxCall, _ body: EngineRequestBody) throws(SandboxAPIError) -> SandboxReply {
        let ids = try body.strings("QueryExecutionIds") ?? []
        guard (1...Self.maxPageSize).contains(ids.count) else {
            throw .invalidRequest("QueryExecutionIds must contain between 1 and \(Self.maxPageSize) ids; it contained \(ids.count).")
        }
        let store = self.store
        let renderer = AthenaWireRenderer(store: store, accountId: call.accountId, nowMillis: call.now.epochMillis)
        // Once per batch, not once per id.
        let workgroups = self.workgroups(call)
        var found: [WireJSON] = []
        var unprocessed: [WireJSON] = []
        for id in ids {
            if let record = Self.visibleRecord(id, in: store, call) {
                found.append(renderer.queryExecution(record, workgroup: Self.workgroup(of: record, in: store, among: workgroups)))
            } else {
                unprocessed.append(.object([
                    ("QueryExecutionId", .string(id)),
                    ("ErrorCode", .string("INVALID_INPUT")),
                    ("ErrorMessage", .string("QueryExecution \(id) was not found")),
                ]))
            }
        }
        return .wire(.object([("QueryExecutions", .array(found)), ("UnprocessedQueryExecutionIds", .array(unprocessed))]))
    }

    private func getQueryExecution(_ call: SandboxCall, _ body: EngineRequestBody) throws(SandboxAPIError) -> SandboxReply {
        guard let id = try body.string("QueryExecutionId"), !id.isEmpty else {
            throw .invalidRequest("QueryExecutionId is required.")
        }
        let store = self.store
        guard let record = Self.visibleRecord(id, in: store, call) else { throw .invalidRequest("QueryExecution \(id) was not found") }
        let renderer = AthenaWireRenderer(store: store, accountId: call.accountId, nowMillis: call.now.epochMillis)
        let workgroup = Self.workgroup(of: record, in: store, among: workgroups(call))
        return .wire(.object([("QueryExecution", renderer.queryExecution(record, workgroup: workgroup))]))
    }

    /// The execution with this id when the caller may see it: same account and region, within
    /// the retention window and not in the future of the sandbox clock.
    private static func visibleRecord(_ id: String, in store: AthenaExecutionStore, _ call: SandboxCall) -> AthenaExecutionRecord? {
        guard let index = store.recordIndex(of: id) else { return nil }
        let record = store.records[index]
        let slot = store.slots[Int(record.slot)]
        let now = call.now.epochMillis
        guard slot.accountId == call.accountId, slot.region == call.region,
              record.submittedMillis <= now, record.submittedMillis >= now - retentionMillis else { return nil }
        return record
    }

    private static func workgroup(of record: AthenaExecutionRecord, in store: AthenaExecutionStore,
                                  among workgroups: [ScenarioWorkgroup]) -> ScenarioWorkgroup? {
        let name = store.slots[Int(record.slot)].workgroup
        return workgroups.first { $0.name == name }
    }

    // MARK: Request members

    private static func pageSize(_ body: EngineRequestBody, range: ClosedRange<Int>) throws(SandboxAPIError) -> Int {
        try body.integer("MaxResults", range: range) ?? range.upperBound
    }

    private static func position(_ body: EngineRequestBody, kind: String, context: String, limit: Int) throws(SandboxAPIError) -> Int {
        guard let text = try body.string("NextToken") else { return 0 }
        guard let token = EnginePageToken(text: text, kind: kind, context: context), token.position <= limit else {
            throw .invalidRequest("NextToken is not valid for this \(kind) request; start again without it.")
        }
        return token.position
    }
}
