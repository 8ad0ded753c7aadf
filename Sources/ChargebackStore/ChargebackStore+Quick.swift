import ChargebackModel
import Foundation
import GRDB

extension ChargebackStore {
    public func quickDataSources() throws -> [QuickDataSource] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM quick_data_sources ORDER BY id").map { row in
                QuickDataSource(id: row["id"], arn: row["arn"], name: row["name"], type: row["type"],
                                workgroup: row["workgroup"], roleArn: row["role_arn"],
                                consumerAccountRoleArn: row["consumer_account_role_arn"])
            }
        }
    }

    public func quickDataSets() throws -> [QuickDataSet] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM quick_data_sets ORDER BY id").map { row in
                let arns: String = row["data_source_arns"]
                return QuickDataSet(id: row["id"], arn: row["arn"], name: row["name"], importMode: row["import_mode"],
                                    spiceBytes: row["spice_bytes"],
                                    dataSourceArns: arns.split(separator: "\n").map(String.init))
            }
        }
    }

    /// Writes the central account's collect in one transaction, without holding the calling thread.
    public func save(_ batch: CentralBatch) async throws {
        try await write { db in
            for result in batch.costResults { try Self.replace(result, db) }
            if let sources = batch.dataSources {
                try db.execute(sql: "DELETE FROM quick_data_sources")
                for source in sources {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO quick_data_sources (id, arn, name, type, workgroup, role_arn,
                            consumer_account_role_arn) VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [source.id, source.arn, source.name, source.type, source.workgroup,
                                         source.roleArn, source.consumerAccountRoleArn])
                }
            }
            if let sets = batch.dataSets {
                try db.execute(sql: "DELETE FROM quick_data_sets")
                for set in sets {
                    try db.execute(sql: """
                        INSERT OR REPLACE INTO quick_data_sets (id, arn, name, import_mode, spice_bytes, data_source_arns)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [set.id, set.arn, set.name, set.importMode, set.spiceBytes,
                                         set.dataSourceArns.joined(separator: "\n")])
                }
            }
        }
    }
}
