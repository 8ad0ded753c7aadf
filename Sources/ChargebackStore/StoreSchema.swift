import GRDB

/// The store's tables, as numbered migrations. A migration, once released, is never edited:
/// changes come as new migrations, and a store with migrations this build does not know was
/// written by a newer version and is refused.
enum StoreSchema {
    /// Marks the SQLite file as a chargeback store (`PRAGMA application_id`, "CHBK").
    static let applicationId: Int32 = 0x4348_424B

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE executions (
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    id TEXT NOT NULL,
                    workgroup TEXT NOT NULL,
                    state TEXT NOT NULL,
                    submitted_ms INTEGER NOT NULL,
                    completed_ms INTEGER,
                    statement_type TEXT,
                    substatement_type TEXT,
                    database_name TEXT,
                    catalog TEXT,
                    engine_version TEXT,
                    data_scanned_bytes INTEGER,
                    engine_time_ms INTEGER,
                    total_time_ms INTEGER,
                    reused_previous_result INTEGER NOT NULL,
                    state_change_reason TEXT,
                    error_message TEXT,
                    query_text TEXT,
                    PRIMARY KEY (account_id, region, id)
                );
                CREATE INDEX executions_by_time ON executions (account_id, submitted_ms);
                CREATE INDEX executions_by_workgroup ON executions (account_id, region, workgroup, submitted_ms);

                CREATE TABLE workgroups (
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    name TEXT NOT NULL,
                    state TEXT,
                    bytes_scanned_cutoff INTEGER,
                    enforce_configuration INTEGER,
                    result_encryption TEXT,
                    engine_version TEXT,
                    PRIMARY KEY (account_id, region, name)
                );

                -- The span of time over which a workgroup's query history is completely stored.
                CREATE TABLE athena_coverage (
                    account_id TEXT NOT NULL,
                    region TEXT NOT NULL,
                    workgroup TEXT NOT NULL,
                    covered_from_ms INTEGER NOT NULL,
                    covered_to_ms INTEGER NOT NULL,
                    PRIMARY KEY (account_id, region, workgroup)
                );

                -- One Cost Explorer answer: an account's month in one metric for one purpose
                -- (consumer services or central Quick), with the request it answered.
                CREATE TABLE cost_results (
                    account_id TEXT NOT NULL,
                    month TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    request_fingerprint TEXT NOT NULL,
                    estimated INTEGER NOT NULL,
                    fetched_ms INTEGER NOT NULL,
                    PRIMARY KEY (account_id, month, metric, kind)
                );
                CREATE TABLE cost_lines (
                    account_id TEXT NOT NULL,
                    month TEXT NOT NULL,
                    metric TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    service TEXT NOT NULL,
                    usage_type TEXT NOT NULL,
                    amount TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    estimated INTEGER NOT NULL,
                    PRIMARY KEY (account_id, month, metric, kind, service, usage_type)
                );

                CREATE TABLE quick_data_sources (
                    id TEXT PRIMARY KEY,
                    arn TEXT NOT NULL,
                    name TEXT,
                    type TEXT,
                    workgroup TEXT,
                    role_arn TEXT,
                    consumer_account_role_arn TEXT
                );
                CREATE TABLE quick_data_sets (
                    id TEXT PRIMARY KEY,
                    arn TEXT,
                    name TEXT,
                    import_mode TEXT,
                    spice_bytes INTEGER NOT NULL,
                    data_source_arns TEXT NOT NULL
                );

                CREATE TABLE runs (
                    id TEXT PRIMARY KEY,
                    first_month TEXT NOT NULL,
                    last_month TEXT NOT NULL,
                    since_ms INTEGER NOT NULL,
                    started_ms INTEGER NOT NULL,
                    ended_ms INTEGER,
                    requests INTEGER NOT NULL DEFAULT 0,
                    throttled INTEGER NOT NULL DEFAULT 0,
                    cost_explorer_requests INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE run_outcomes (
                    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    scope TEXT NOT NULL,
                    status TEXT NOT NULL,
                    error TEXT,
                    executions_fetched INTEGER NOT NULL,
                    requests INTEGER NOT NULL,
                    cost_explorer_requests INTEGER NOT NULL,
                    PRIMARY KEY (run_id, scope)
                );
                """)
        }
        // Why a run ended before its work did: its deadline, or the signal that stopped it.
        migrator.registerMigration("v2-runs-stopped-by") { db in
            try db.execute(sql: "ALTER TABLE runs ADD COLUMN stopped_by TEXT")
        }
        // The Cost Explorer SERVICE value found for Quick in a month (`quick_service_name: auto`).
        migrator.registerMigration("v3-quick-service-names") { db in
            try db.execute(sql: """
                CREATE TABLE quick_service_names (
                    account_id TEXT NOT NULL,
                    month TEXT NOT NULL,
                    service_name TEXT NOT NULL,
                    final INTEGER NOT NULL,
                    found_ms INTEGER NOT NULL,
                    PRIMARY KEY (account_id, month)
                );
                """)
        }
        return migrator
    }
}
