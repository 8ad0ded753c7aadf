import ArgumentParser
import ChargebackCore
import Foundation

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
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
    }

    func run() async throws {
        let configuration = try loadConfiguration(config)
        let runtime = try AWSRuntime.make(options: global, region: configuration.central.region)
        runtime.logger.info("checking \(configuration.businessUnits.count) business units and the central account")
        let checker = AccessChecker(config: configuration, chain: runtime.roleChain(configuration),
                                    central: runtime.centralClient(configuration), concurrency: concurrency)
        let deadline = CommandDeadline(seconds: global.timeout, command: "check")
        let (reports, timedOut) = try await deadline.run { await checker.run() }
        try StandardOutput.write(CheckTable.render(reports))
        if timedOut {
            let unfinished = reports.filter(\.wasInterrupted).map(\.businessUnitId)
            let finished = reports.count - unfinished.count
            throw deadline.timedOutFailure(detail: "\(finished) of \(reports.count) rows finished"
                + (unfinished.isEmpty ? "" : "; not finished: \(unfinished.joined(separator: ", "))"))
        }
        if !reports.allSatisfy(\.passed) { throw ExitCode(ChargebackExitCode.failed) }
    }
}
