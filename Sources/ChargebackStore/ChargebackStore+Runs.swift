import ChargebackModel
import Foundation
import GRDB

extension ChargebackStore {
    /// Records a run as started, so a killed run still leaves its trace.
    public func begin(_ run: CollectionRun, lastMonth: BillingMonth) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO runs (id, first_month, last_month, since_ms, started_ms) VALUES (?, ?, ?, ?, ?)
                """, arguments: [run.id, run.month.text, lastMonth.text, run.since.storeMillis, run.startedAt.storeMillis])
        }
    }

    /// Records one scope's outcome as soon as it is known.
    public func record(_ outcome: CollectionOutcome, runId: String) throws {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO run_outcomes (run_id, scope, status, error, executions_fetched, requests,
                    cost_explorer_requests) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [runId, outcome.scope, outcome.status.rawValue, outcome.error, outcome.executionsFetched,
                                 outcome.requests, outcome.costExplorerRequests])
        }
    }

    /// Records a run's end and its counts.
    public func finish(_ run: CollectionRun) throws {
        try write { db in
            try db.execute(sql: """
                UPDATE runs SET ended_ms = ?, requests = ?, throttled = ?, cost_explorer_requests = ?, stopped_by = ?
                WHERE id = ?
                """, arguments: [(run.endedAt ?? Date()).storeMillis, run.requests, run.throttled,
                                 run.costExplorerRequests, run.stoppedBy, run.id])
        }
    }

    /// Every run, newest first.
    public func runs() throws -> [CollectionRun] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY started_ms DESC, id DESC").map { try run($0, db) }
        }
    }

    /// The latest finished run that covered `month` and recorded an outcome for `scope`, with that outcome.
    public func latestOutcome(scope: String, month: BillingMonth) throws -> (run: CollectionRun, outcome: CollectionOutcome)? {
        try latestOutcomes(scopes: [scope], month: month)[scope]?.latest
    }

    /// A scope's latest outcome for a month, and the latest that still gave figures (complete or
    /// partial) and that was complete, each with its run: a failed re-run keeps earlier figures.
    public struct ScopeOutcomes: Sendable {
        public typealias Found = (run: CollectionRun, outcome: CollectionOutcome)
        public var latest: Found
        public var usable: Found?
        public var complete: Found?
    }

    /// For each of `scopes`, its `ScopeOutcomes` among the finished runs that covered `month`;
    /// scopes never collected are absent. One read, newest run first, that stops once every scope
    /// has a complete outcome (usually in the latest run).
    public func latestOutcomes(scopes: Set<String>, month: BillingMonth) throws -> [String: ScopeOutcomes] {
        try read { db in
            var found: [String: ScopeOutcomes] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT * FROM runs WHERE first_month <= ? AND last_month >= ? AND ended_ms IS NOT NULL
                ORDER BY started_ms DESC, id DESC
                """, arguments: [month.text, month.text])
            func done() -> Bool { found.count == scopes.count && found.values.allSatisfy { $0.complete != nil } }
            while !done(), let row = try rows.next() {
                let run = try run(row, db)
                for outcome in run.outcomes where scopes.contains(outcome.scope) {
                    let entry = (run: run, outcome: outcome)
                    var scope = found[outcome.scope] ?? ScopeOutcomes(latest: entry)
                    if scope.usable == nil, outcome.status != .failed { scope.usable = entry }
                    if scope.complete == nil, outcome.status == .complete { scope.complete = entry }
                    found[outcome.scope] = scope
                }
            }
            return found
        }
    }

    /// The latest finished run that covered `month`.
    public func latestRun(covering month: BillingMonth) throws -> CollectionRun? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT * FROM runs WHERE first_month <= ? AND last_month >= ? AND ended_ms IS NOT NULL
                ORDER BY started_ms DESC, id DESC LIMIT 1
                """, arguments: [month.text, month.text]).map { try run($0, db) }
        }
    }

    private func run(_ row: Row, _ db: Database) throws -> CollectionRun {
        let id: String = row["id"]
        let monthText: String = row["first_month"]
        guard let month = BillingMonth(monthText) else { throw StoreError.corrupt(path: path, detail: "run month") }
        let outcomes = try Row.fetchAll(db, sql: "SELECT * FROM run_outcomes WHERE run_id = ? ORDER BY rowid",
                                        arguments: [id]).map { outcome in
            CollectionOutcome(scope: outcome["scope"], status: CollectionStatus(rawValue: outcome["status"]) ?? .failed,
                              error: outcome["error"], executionsFetched: outcome["executions_fetched"],
                              requests: outcome["requests"], costExplorerRequests: outcome["cost_explorer_requests"])
        }
        return CollectionRun(id: id, month: month, since: Date(storeMillis: row["since_ms"]),
                             startedAt: Date(storeMillis: row["started_ms"]),
                             endedAt: (row["ended_ms"] as Int64?).map(Date.init(storeMillis:)), outcomes: outcomes,
                             requests: row["requests"], throttled: row["throttled"],
                             costExplorerRequests: row["cost_explorer_requests"], stoppedBy: row["stopped_by"])
    }
}
