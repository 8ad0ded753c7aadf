import ArgumentParser
import ChargebackCore
import Foundation

/// `--store`, shared by the commands that read or write the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store: an SQLite file (created 0600 when missing).")
    var store: String = "reports/store.sqlite"

    func open() throws -> ChargebackStore {
        do {
            return try ChargebackStore(path: store)
        } catch {
            throw CommandFailure(.store, "\(error)", exitCode: ChargebackExitCode.failed)
        }
    }
}
