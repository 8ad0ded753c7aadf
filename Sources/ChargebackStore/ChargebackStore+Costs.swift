import ChargebackModel
import Foundation
import GRDB

extension ChargebackStore {
    /// The cached answer for an account's month, if any.
    public func costResultStamp(accountId: String, month: BillingMonth, metric: String, kind: CostKind) throws
        -> CostResultStamp?
    {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT request_fingerprint, estimated FROM cost_results
                WHERE account_id = ? AND month = ? AND metric = ? AND kind = ?
                """, arguments: [accountId, month.text, metric, kind.rawValue]).map { row in
                CostResultStamp(requestFingerprint: row["request_fingerprint"], estimated: (row["estimated"] as Int) != 0)
            }
        }
    }

    /// The cached lines of an account's month, sorted by service and usage type; empty when never fetched.
    public func costLines(accountId: String, month: BillingMonth, metric: String, kind: CostKind) throws -> [CostLine] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT service, usage_type, amount, unit, estimated FROM cost_lines
                WHERE account_id = ? AND month = ? AND metric = ? AND kind = ? ORDER BY service, usage_type
                """, arguments: [accountId, month.text, metric, kind.rawValue]).map { row in
                let text: String = row["amount"]
                guard let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                    throw StoreError.corrupt(path: path, detail: "cost amount '\(text.prefix(40))'")
                }
                return CostLine(accountId: accountId, month: month, metric: metric, service: row["service"],
                                usageType: row["usage_type"], amount: amount, unit: row["unit"],
                                estimated: (row["estimated"] as Int) != 0)
            }
        }
    }

    /// Replaces the cached answer for the result's account, month, metric and kind.
    static func replace(_ result: CostResult, _ db: Database) throws {
        let key: StatementArguments = [result.accountId, result.month.text, result.metric, result.kind.rawValue]
        try db.execute(sql: "DELETE FROM cost_lines WHERE account_id = ? AND month = ? AND metric = ? AND kind = ?",
                       arguments: key)
        try db.execute(sql: """
            INSERT OR REPLACE INTO cost_results (account_id, month, metric, kind, request_fingerprint, estimated, fetched_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: key + [result.requestFingerprint, result.estimated ? 1 : 0, result.fetchedAt.storeMillis])
        // Cost Explorer may split one group over pages: sum lines with the same key.
        var merged: [String: CostLine] = [:]
        var order: [String] = []
        for line in result.lines {
            let lineKey = line.service + "\u{1F}" + line.usageType
            if var existing = merged[lineKey] {
                existing.amount += line.amount
                existing.estimated = existing.estimated || line.estimated
                merged[lineKey] = existing
            } else {
                merged[lineKey] = line
                order.append(lineKey)
            }
        }
        for lineKey in order {
            let line = merged[lineKey]!
            try db.execute(sql: """
                INSERT INTO cost_lines (account_id, month, metric, kind, service, usage_type, amount, unit, estimated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: key + [line.service, line.usageType, "\(line.amount)", line.unit, line.estimated ? 1 : 0])
        }
    }
}
