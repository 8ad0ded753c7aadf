/// The SQL text and database a generated execution shows, picked by its template number.
struct AthenaQueryTemplate: Sendable {
    let database: String
    let table: String
    let selectList: String

    static let all: [AthenaQueryTemplate] = [
        AthenaQueryTemplate(database: "sales", table: "transactions", selectList: "channel, sum(amount) AS total"),
        AthenaQueryTemplate(database: "sales", table: "customers", selectList: "segment, count(*) AS customers"),
        AthenaQueryTemplate(database: "analytics", table: "sessions", selectList: "date_trunc('day', started_at) AS day, count(*)"),
        AthenaQueryTemplate(database: "analytics", table: "page_views", selectList: "page, approx_distinct(visitor_id)"),
        AthenaQueryTemplate(database: "ledger", table: "positions", selectList: "desk, sum(notional) AS notional"),
        AthenaQueryTemplate(database: "ledger", table: "trades", selectList: "instrument, avg(price) AS price"),
        AthenaQueryTemplate(database: "risk_models", table: "exposures", selectList: "counterparty, max(exposure) AS peak"),
        AthenaQueryTemplate(database: "default", table: "cloudtrail_logs", selectList: "eventname, count(*) AS calls"),
    ]

    func query(for statement: AthenaExecutionRecord.Statement) -> String {
        switch statement {
        case .ddl: "MSCK REPAIR TABLE \(database).\(table)"
        case .utility: "SHOW PARTITIONS \(database).\(table)"
        case .dml: "SELECT \(selectList) FROM \(database).\(table) WHERE event_date >= current_date - interval '30' day GROUP BY 1"
        }
    }

    func substatement(for statement: AthenaExecutionRecord.Statement) -> String {
        switch statement {
        case .ddl: "MSCK_REPAIR_TABLE"
        case .utility: "SHOW_PARTITIONS"
        case .dml: "SELECT"
        }
    }
}
