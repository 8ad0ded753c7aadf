import ArgumentParser
import ChargebackCore
import ChargebackReports
import Foundation

/// `chargeback report`: collect, then render: the monthly job.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Collect a month, then write its reports: the monthly job.",
        discussion: """
            Exits 0 when everything was collected and reported, 3 when reports were written but some account \
            failed or data is incomplete, 1 when nothing was written, 2 for a usage or configuration error.
            """
    )

    @Option(name: .long, help: "The configuration file.")
    var config: String = "chargeback.yaml"

    @Option(name: .long, help: "The month, YYYY-MM (default: the previous calendar month, UTC).")
    var month: String?

    @OptionGroup var output: RenderOptions
    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "How many business units list their Athena history at once (as many more prepare or write meanwhile).")
    var concurrency: Int = 8

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        _ = try parseMonth(month, now: try ToolClock.now())
    }

    func run() async throws {
        let configuration = try loadConfiguration(config)
        let now = try ToolClock.now()
        let month = try parseMonth(month, now: now)
        let store = try storeOptions.open()
        // The reports folder is taken first: a second report on it stops before spending requests.
        let lock = try await output.lockOutput(waitSeconds: global.collectTimeout)
        let runtime = try AWSAccess.make(options: global, region: configuration.central.region, units: concurrency)
        let run = try await CollectStep(configuration: configuration, runtime: runtime, store: store,
                                        concurrency: concurrency, quiet: global.quiet, timeout: global.collectTimeout)
            .run(.month(month, includeQueryText: output.includeQueryText), now: now)
        // Stopped by a signal during the collect: no render of a month half collected.
        try Task.checkCancellation()
        let report = try RenderStep(configuration: configuration, store: store, options: output, lock: lock)
            .run(month: month, now: now)
        try exitForStatus(run.status == .complete ? report.status : .partial)
    }
}
