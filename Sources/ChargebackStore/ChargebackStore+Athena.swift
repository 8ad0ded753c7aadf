import ChargebackModel
import Foundation
import GRDB

extension ChargebackStore {
    /// What a workgroup's listing needs from the store, in one read: the executions submitted from
    /// `submittedSince` on (older ones can no longer be listed, and the store keeps every day it
    /// ever collected) and the span over which its history is complete.
    public func storedHistory(accountId: String, region: String, workgroup: String,
                              submittedSince: Date) async throws -> StoredHistory {
        try await read { db in
            var known: [String: KnownExecution] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, submitted_ms, state FROM executions
                WHERE account_id = ? AND region = ? AND workgroup = ? AND submitted_ms >= ?
                """, arguments: [accountId, region, workgroup, submittedSince.storeMillis])
            while let row = try rows.next() {
                let state = AthenaExecutionState(row["state"] as String)
                known[row["id"]] = KnownExecution(submittedAt: Date(storeMillis: row["submitted_ms"]), isFinal: state.isFinal)
            }
            return StoredHistory(known: known,
                                 coverage: try Self.coverage(accountId: accountId, region: region, workgroup: workgroup, db))
        }
    }

    /// Writes executions as a long listing brings them, in one transaction per call, so a run
    /// stopped later (its deadline, a signal) keeps them and the next run does not fetch them again.
    public func saveExecutions(_ executions: [AthenaExecution]) async throws {
        try await write { db in
            for execution in executions { try Self.upsert(execution, db) }
        }
    }

    /// Writes one business unit's collect in one transaction, without holding the calling thread:
    /// nothing of it is stored if any part fails.
    public func save(_ batch: BusinessUnitBatch) async throws {
        try await write { db in
            for workgroup in batch.workgroups { try Self.upsert(workgroup, db) }
            for execution in batch.executions { try Self.upsert(execution, db) }
            for coverage in batch.coverage { try Self.upsert(coverage, db) }
            for result in batch.costResults { try Self.replace(result, db) }
        }
    }

    public func coverage(accountId: String, region: String, workgroup: String) throws -> AthenaCoverage? {
        try read { db in try Self.coverage(accountId: accountId, region: region, workgroup: workgroup, db) }
    }

    private static func coverage(accountId: String, region: String, workgroup: String, _ db: Database) throws
        -> AthenaCoverage?
    {
        try Row.fetchOne(db, sql: """
            SELECT covered_from_ms, covered_to_ms FROM athena_coverage
            WHERE account_id = ? AND region = ? AND workgroup = ?
            """, arguments: [accountId, region, workgroup]).map { row in
            AthenaCoverage(accountId: accountId, region: region, workgroup: workgroup,
                           from: Date(storeMillis: row["covered_from_ms"]), to: Date(storeMillis: row["covered_to_ms"]))
        }
    }

    /// The coverage of every workgroup of an account in `regions`.
    public func coverage(accountId: String, regions: [String]) throws -> [AthenaCoverage] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT region, workgroup, covered_from_ms, covered_to_ms FROM athena_coverage
                WHERE account_id = ? ORDER BY region, workgroup
                """, arguments: [accountId]).compactMap { row in
                let region: String = row["region"]
                guard regions.contains(region) else { return nil }
                return AthenaCoverage(accountId: accountId, region: region, workgroup: row["workgroup"],
                                      from: Date(storeMillis: row["covered_from_ms"]),
                                      to: Date(storeMillis: row["covered_to_ms"]))
            }
        }
    }

    /// The executions of an account submitted in `month`, in `regions`, ordered by submission time then id.
    public func executions(accountId: String, regions: [String], month: BillingMonth) throws -> [AthenaExecution] {
        try read { db in
            var executions: [AthenaExecution] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT * FROM executions WHERE account_id = ? AND submitted_ms >= ? AND submitted_ms < ?
                ORDER BY submitted_ms, id
                """, arguments: [accountId, month.start.storeMillis, month.end.storeMillis])
            let wanted = Set(regions)
            while let row = try rows.next() {
                let execution = Self.execution(row)
                if wanted.contains(execution.region) { executions.append(execution) }
            }
            return executions
        }
    }

    /// Stored workgroups of an account in `regions`, ordered by region and name.
    public func workgroups(accountId: String, regions: [String]) throws -> [AthenaWorkgroup] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM workgroups WHERE account_id = ? ORDER BY region, name",
                             arguments: [accountId]).compactMap { row in
                let region: String = row["region"]
                guard regions.contains(region) else { return nil }
                return AthenaWorkgroup(
                    accountId: accountId, region: region, name: row["name"], state: row["state"],
                    bytesScannedCutoffPerQuery: row["bytes_scanned_cutoff"],
                    enforceConfiguration: (row["enforce_configuration"] as Int?).map { $0 != 0 },
                    resultEncryption: row["result_encryption"], engineVersion: row["engine_version"])
            }
        }
    }

    /// How many executions the store holds in all.
    public func executionCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM executions") ?? 0 }
    }

    static func execution(_ row: Row) -> AthenaExecution {
        AthenaExecution(
            id: row["id"], accountId: row["account_id"], region: row["region"], workgroup: row["workgroup"],
            state: AthenaExecutionState(row["state"] as String), submittedAt: Date(storeMillis: row["submitted_ms"]),
            completedAt: (row["completed_ms"] as Int64?).map(Date.init(storeMillis:)),
            statementType: row["statement_type"], substatementType: row["substatement_type"],
            database: row["database_name"], catalog: row["catalog"], engineVersion: row["engine_version"],
            dataScannedBytes: row["data_scanned_bytes"], engineTimeMillis: row["engine_time_ms"],
            totalTimeMillis: row["total_time_ms"], reusedPreviousResult: (row["reused_previous_result"] as Int) != 0,
            stateChangeReason: row["state_change_reason"], errorMessage: row["error_message"],
            queryText: row["query_text"])
    }

    static func upsert(_ execution: AthenaExecution, _ db: Database) throws {
        // The hot path of a large collect: the statement is compiled once per connection.
        try db.cachedStatement(sql: """
            INSERT INTO executions (account_id, region, id, workgroup, state, submitted_ms, completed_ms, statement_type,
                substatement_type, database_name, catalog, engine_version, data_scanned_bytes, engine_time_ms,
                total_time_ms, reused_previous_result, state_change_reason, error_message, query_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (account_id, region, id) DO UPDATE SET
                workgroup = excluded.workgroup, state = excluded.state, submitted_ms = excluded.submitted_ms,
                completed_ms = excluded.completed_ms, statement_type = excluded.statement_type,
                substatement_type = excluded.substatement_type, database_name = excluded.database_name,
                catalog = excluded.catalog, engine_version = excluded.engine_version,
                data_scanned_bytes = excluded.data_scanned_bytes, engine_time_ms = excluded.engine_time_ms,
                total_time_ms = excluded.total_time_ms, reused_previous_result = excluded.reused_previous_result,
                state_change_reason = excluded.state_change_reason, error_message = excluded.error_message,
                query_text = COALESCE(excluded.query_text, executions.query_text)
            """).execute(arguments: [
                execution.accountId, execution.region, execution.id, execution.workgroup, execution.state.text,
                execution.submittedAt.storeMillis, execution.completedAt?.storeMillis, execution.statementType,
                execution.substatementType, execution.database, execution.catalog, execution.engineVersion,
                execution.dataScannedBytes, execution.engineTimeMillis, execution.totalTimeMillis,
                execution.reusedPreviousResult ? 1 : 0, execution.stateChangeReason, execution.errorMessage,
                execution.queryText,
            ])
    }

    static func upsert(_ workgroup: AthenaWorkgroup, _ db: Database) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO workgroups (account_id, region, name, state, bytes_scanned_cutoff,
                enforce_configuration, result_encryption, engine_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                workgroup.accountId, workgroup.region, workgroup.name, workgroup.state,
                workgroup.bytesScannedCutoffPerQuery, workgroup.enforceConfiguration.map { $0 ? 1 : 0 },
                workgroup.resultEncryption, workgroup.engineVersion,
            ])
    }

    static func upsert(_ coverage: AthenaCoverage, _ db: Database) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO athena_coverage (account_id, region, workgroup, covered_from_ms, covered_to_ms)
            VALUES (?, ?, ?, ?, ?)
            """, arguments: [coverage.accountId, coverage.region, coverage.workgroup, coverage.from.storeMillis,
                             coverage.to.storeMillis])
    }
}
