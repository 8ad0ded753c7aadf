import ArgumentParser
import ChargebackCore
import Foundation
import Synchronization

/// `chargeback check --config F`: verifies every BU's role chain, account and permissions.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify each business unit's role chain, account and permissions; print a table.",
        discussion: "Exits 0 only when every probe passes, 1 when any fails, 2 for a configuration error."
    )

    @Option(name: .long, help: "The configuration file.")
    var config: String = "chargeback.yaml"

    @Option(name: .long, help: "How many business units to check at once.")
    var concurrency: Int = 8

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try OptionRange.check(concurrency, OptionRange.concurrency, option: "--concurrency", unit: "business units at a time")
    }

    func run() async throws {
        let configuration = try loadConfiguration(config)
        let runtime = try AWSAccess.make(options: global, region: configuration.central.region, units: concurrency)
        runtime.logger.info("checking \(configuration.businessUnits.count) business units and the central account")
        let checker = AccessChecker(config: configuration, chain: runtime.roleChain(configuration),
                                    central: runtime.centralClient(configuration), concurrency: concurrency)
        let deadline = CommandDeadline(seconds: global.quickTimeout, command: "check")
        let finished = Mutex<[AccessCheckReport]>([])
        let completed = try await deadline.run { await checker.run { report in finished.withLock { $0.append(report) } } }
        guard let reports = completed else {
            // Finished rows in configuration order; the rest are named as not finished.
            let done = finished.withLock { $0 }
            let rows = configuration.businessUnits.map(\.id) + ["(central)"]
            let ordered = rows.compactMap { id in done.first { $0.businessUnitId == id } }
            let unfinished = rows.filter { id in !done.contains { $0.businessUnitId == id } }
            if !ordered.isEmpty { try StandardOutput.write(CheckTable.render(ordered)) }
            throw deadline.timedOutFailure(detail: "\(ordered.count) of \(rows.count) rows finished"
                + (unfinished.isEmpty ? "" : "; not finished: \(unfinished.joined(separator: ", "))"))
        }
        try StandardOutput.write(CheckTable.render(reports))
        if !reports.allSatisfy(\.passed) { throw ExitCode(ChargebackExitCode.failed) }
    }
}
