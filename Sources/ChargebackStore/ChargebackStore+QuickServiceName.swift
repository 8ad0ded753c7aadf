import ChargebackModel
import Foundation
import GRDB

/// The Cost Explorer `SERVICE` value found for Quick's costs in a month, kept so a closed month
/// is never looked up again (each GetDimensionValues request costs $0.01) and a render knows it.
public struct FoundQuickServiceName: Sendable, Equatable {
    public var name: String
    /// Found after the month closed: it does not change any more.
    public var final: Bool

    public init(name: String, final: Bool) {
        self.name = name
        self.final = final
    }
}

extension ChargebackStore {
    public func foundQuickServiceName(accountId: String, month: BillingMonth) throws -> FoundQuickServiceName? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT service_name, final FROM quick_service_names WHERE account_id = ? AND month = ?
                """, arguments: [accountId, month.text]).map { row in
                FoundQuickServiceName(name: row["service_name"], final: (row["final"] as Int) != 0)
            }
        }
    }

    public func saveFoundQuickServiceName(_ found: FoundQuickServiceName, accountId: String, month: BillingMonth,
                                          at date: Date) throws {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO quick_service_names (account_id, month, service_name, final, found_ms)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [accountId, month.text, found.name, found.final ? 1 : 0, date.storeMillis])
        }
    }
}
