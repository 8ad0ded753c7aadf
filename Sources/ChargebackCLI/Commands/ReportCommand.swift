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
            failed, data is incomplete or the month is not over, 1 when nothing was written, 2 for a usage or \
            configuration error.
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

    @OptionGroup var costExplorer: CostExplorerOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try OptionRange.check(concurrency, OptionRange.concurrency, option: "--concurrency", unit: "business units at a time")
        _ = try plan(now: try ToolClock.now())
    }

    func plan(now: Date) throws -> CollectPlan {
        let plan = CollectPlan.month(try parseMonth(month, now: now), includeQueryText: output.includeQueryText)
        try costExplorer.checkHistory(plan, now: now, given: "--month \(plan.months[0])", renderHint: true)
        return plan
    }

    func run() async throws {
        let configuration = try loadConfiguration(config)
        let now = try ToolClock.now()
        let plan = try plan(now: now)
        let month = plan.months[0]
        let store = try storeOptions.open()
        try costExplorer.checkRequests(plan, configuration: configuration, store: store, now: now)
        // The reports folder is taken first: a second report on it stops before spending requests.
        let lock = try await output.lockOutput(waitSeconds: global.collectTimeout)
        let runtime = try AWSAccess.make(options: global, region: configuration.central.region, units: concurrency)
        let run = try await CollectStep(configuration: configuration, runtime: runtime, store: store,
                                        concurrency: concurrency, quiet: global.quiet, timeout: global.collectTimeout)
            .run(plan, now: now)
        // Stopped by a signal during the collect: no render of a month half collected.
        try Task.checkCancellation()
        let report = try RenderStep(configuration: configuration, store: store, options: output, lock: lock)
            .run(month: month, now: now)
        try exitForStatus(run.status == .complete ? report.status : .partial)
    }
}
