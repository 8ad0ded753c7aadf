import ArgumentParser
import AWSCore
import ChargebackCore
import Foundation

/// `chargeback collect`: pulls Athena history and costs into the store (the daily job).
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Pull Athena query history, Cost Explorer costs and Quick SPICE sizes into the store.",
        discussion: """
            Run it daily with --month set to the current month (Athena keeps 45 days of history; the store \
            keeps everything collected), and once more after the month has closed. Exits 0 when every account \
            was collected, 3 when some failed (the others are stored), 1 when all failed, 2 for a usage error \
            (before any call: a month not started, a period older than Cost Explorer answers, or more Cost \
            Explorer requests than --max-cost-explorer-requests).
            """
    )

    @Option(name: .long, help: "The configuration file.")
    var config: String = "chargeback.yaml"

    @Option(name: .long, help: "The month to collect, YYYY-MM (default: the previous calendar month, UTC).")
    var month: String?

    @Option(name: .long, help: "Collect from this day (YYYY-MM-DD, UTC) to now instead of one month.")
    var since: String?

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "How many business units list their Athena history at once (as many more prepare or write meanwhile).")
    var concurrency: Int = 8

    @Flag(name: .long, help: "Keep each query's SQL text (at most 2 KB) in the store.")
    var includeQueryText = false

    @OptionGroup var costExplorer: CostExplorerOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try OptionRange.check(concurrency, OptionRange.concurrency, option: "--concurrency", unit: "business units at a time")
        guard month == nil || since == nil else { throw ValidationError("give --month or --since, not both") }
        _ = try plan(now: try ToolClock.now())
    }

    /// The period, refused when it has not started or starts before Cost Explorer's history.
    func plan(now: Date) throws -> CollectPlan {
        if let since {
            let day = try parseDay(since, option: "--since")
            guard day <= now else { throw ValidationError("--since \(since) is in the future") }
            let plan = CollectPlan.since(day, now: now, includeQueryText: includeQueryText)
            try costExplorer.checkHistory(plan, now: now, given: "--since \(since)")
            return plan
        }
        let plan = CollectPlan.month(try parseMonth(month, now: now), includeQueryText: includeQueryText)
        try costExplorer.checkHistory(plan, now: now, given: "--month \(plan.months[0])")
        return plan
    }

    func run() async throws {
        let configuration = try loadConfiguration(config)
        let now = try ToolClock.now()
        let plan = try plan(now: now)
        let store = try storeOptions.open()
        try costExplorer.checkRequests(plan, configuration: configuration, store: store, now: now)
        let runtime = try AWSAccess.make(options: global, region: configuration.central.region, units: concurrency)
        let run = try await CollectStep(configuration: configuration, runtime: runtime, store: store,
                                        concurrency: concurrency, quiet: global.quiet, timeout: global.collectTimeout)
            .run(plan, now: now)
        try exitForStatus(run.status)
    }
}

/// A collect with progress and its closing summary; shared by `collect` and `report`.
struct CollectStep {
    static let attempts = 5
    let configuration: ChargebackConfig
    let runtime: AWSAccess
    let store: ChargebackStore
    let concurrency: Int
    let quiet: Bool
    /// Seconds after which the accounts still running are stopped and reported as not finished.
    let timeout: Double

    /// `now`: the tool's clock at the start; the collect's clock moves on from it in real time.
    func run(_ plan: CollectPlan, now: Date) async throws -> CollectionRun {
        let progress = CollectProgress()
        let offset = now.timeIntervalSince(Date())
        // A collect makes thousands of paced calls: a throttled one (another client drained the
        // account's bucket) gets a few more tries than the standard three before its unit fails.
        var chain = runtime.roleChain(configuration)
        chain.client.retry = RetryPolicy(maxAttempts: Self.attempts)
        var central = runtime.centralClient(configuration)
        central.retry = RetryPolicy(maxAttempts: Self.attempts)
        var collector = Collector(config: configuration, chain: chain, central: central, store: store,
                                  concurrency: concurrency, progress: progress,
                                  now: { Date().addingTimeInterval(offset) }, logger: runtime.logger)
        collector.stopCause = { Interruption.shared.receivedName ?? "deadline" }
        let months = plan.months.map(\.text).joined(separator: ", ")
        runtime.logger.info("collecting \(months) for \(configuration.businessUnits.count) business units into \(store.path)")
        // Without base credentials nothing can be collected: say so once, before any account.
        do {
            _ = try await runtime.base.credentials()
        } catch {
            throw CommandFailure(.noBaseCredentials, "collect: no base credentials: \(error)")
        }
        let reporter = ProgressReporter(progress: progress, enabled: !quiet)
        // The deadline cancels the accounts still running; the collect then records them as not
        // finished, keeps what the others brought, and ends normally.
        let work = Task { [collector] in try await collector.run(plan) }
        let deadline = Task {
            try await Task.sleep(for: .milliseconds(Int64(timeout * 1000)))
            work.cancel()
        }
        defer { deadline.cancel() }
        let run: CollectionRun
        do {
            // A signal cancels this task: pass it on to the collect, which stops like at its deadline.
            run = try await withTaskCancellationHandler { try await work.value } onCancel: { work.cancel() }
        } catch {
            reporter.finish()
            throw CommandFailure(.collectFailed, "collect: \(error)")
        }
        reporter.finish()
        try StandardOutput.write(CollectSummary.render(run))
        return run
    }
}
