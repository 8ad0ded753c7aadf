import ArgumentParser
import ChargebackAttribution
import ChargebackBuildInfo
import ChargebackCore
import ChargebackReports
import Foundation

/// `chargeback render`: the month's reports from the store, without a network call.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Write a month's reports (HTML, CSV, JSON, FOCUS, Markdown) from the store; no AWS call.",
        discussion: """
            Exits 0 when the reports are complete, 3 when they were written but some business unit failed, \
            data is incomplete or the month is not over (the reports say so first), 1 when nothing was written, \
            2 for a usage error.
            """
    )

    @Option(name: .long, help: "The configuration file.")
    var config: String = "chargeback.yaml"

    @Option(name: .long, help: "The month to report, YYYY-MM (default: the previous calendar month, UTC).")
    var month: String?

    @OptionGroup var output: RenderOptions
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        _ = try parseMonth(month, now: try ToolClock.now())
    }

    func run() async throws {
        LoggingSetup.configure(level: global.effectiveLogLevel)
        let configuration = try loadConfiguration(config)
        let store = try storeOptions.open()
        let now = try ToolClock.now()
        let lock = try await output.lockOutput(waitSeconds: global.collectTimeout)
        let report = try RenderStep(configuration: configuration, store: store, options: output, lock: lock)
            .run(month: try parseMonth(month, now: now), now: now)
        try exitForStatus(report.status)
    }
}

/// `--out`, `--templates`, `--format` and `--include-query-text`, shared by `render` and `report`.
struct RenderOptions: ParsableArguments {
    @Option(name: .long, help: "The reports folder; each month goes to DIR/YYYY-MM/.")
    var out: String = "reports"

    @Option(name: .long, help: "A folder of Mustache templates replacing the built-in ones.")
    var templates: String?

    @Option(name: .long, help: "Formats to write, comma-separated: html,csv,json,focus,md (default: all).")
    var format: String = ReportFormat.allCases.map(\.rawValue).joined(separator: ",")

    @Flag(name: .long, help: "Show the SQL text of the costliest queries, when the collect kept it.")
    var includeQueryText = false

    @Flag(name: .long, help: "When another chargeback is writing the same --out, wait for it (up to --timeout) instead of failing.")
    var wait = false

    /// Run by the argument parser for every command that takes these options.
    func validate() throws {
        _ = try parsedFormats()
        try OutputFolderCheck.checkOut(out)
        if let templates { try OutputFolderCheck.checkTemplates(templates) }
    }

    /// The reports folder's lock, taken before any work so two runs never write one folder; busy:
    /// fail at once (exit 1), or wait up to `waitSeconds` with `--wait`.
    func lockOutput(waitSeconds: Double) async throws -> OutputFolderLock {
        do {
            return try await OutputFolderLock.acquire(URL(fileURLWithPath: out, isDirectory: true),
                                                      waitSeconds: wait ? waitSeconds : nil)
        } catch let error as PublishError {
            throw CommandFailure(.outputBusy, "\(error)")
        }
    }

    func parsedFormats() throws -> Set<ReportFormat> {
        var formats: Set<ReportFormat> = []
        for name in format.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let parsed = ReportFormat(rawValue: trimmed) else {
                throw ValidationError("--format '\(trimmed.prefix(40))' is not one of "
                    + ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            formats.insert(parsed)
        }
        return formats
    }
}

/// Attributes a month from the store and publishes its reports; shared by `render` and `report`.
struct RenderStep {
    let configuration: ChargebackConfig
    let store: ChargebackStore
    let options: RenderOptions
    /// The reports folder's lock, held since the command started.
    let lock: OutputFolderLock

    func run(month: BillingMonth, now: Date) throws -> ChargebackReport {
        let loader = AttributionInputLoader(config: configuration, store: store)
        guard var input = try loader.load(month: month, generatedAt: now, toolVersion: ChargebackVersion.current) else {
            throw CommandFailure(.nothingCollected, "nothing has been collected for \(month) in \(store.path); "
                + "run 'chargeback collect --month \(month)' first")
        }
        if let previous = try loader.load(month: month.previous, generatedAt: now, toolVersion: ChargebackVersion.current) {
            input.previousMonth = PreviousMonthTotals(Attribution.attribute(previous))
        }
        let report = Attribution.attribute(input)
        guard report.status != .failed else {
            let reasons = report.dataQuality.prefix(3).map(\.message).joined(separator: " ")
            throw CommandFailure(.nothingUsable, "no report for \(month): nothing usable was collected. \(reasons)")
        }
        let templates = options.templates.map { URL(fileURLWithPath: $0, isDirectory: true) }
        // One renderer for the month's pages and the months index, so --templates applies to both.
        let renderer = ReportRenderer(templatesDirectory: templates, includeQueryText: options.includeQueryText)
        let files: [ReportFile]
        do {
            files = try renderer.render(report, formats: try options.parsedFormats())
        } catch {
            throw CommandFailure(.renderFailed, "render: \(error)")
        }
        let out = URL(fileURLWithPath: options.out, isDirectory: true)
        let published: ReportPublisher.Result
        do {
            published = try ReportPublisher.publish(files, month: month, outDirectory: out, renderer: renderer, lock: lock)
        } catch is CancellationError {
            throw CommandFailure(.interrupted, "stopped before \(month) was published; the reports folder is as it was")
        } catch let failure as MonthsIndexNotWritten {
            // The month is published: exit 3 (written, incomplete), never 1 ("nothing written").
            throw CommandFailure(.monthsIndexNotWritten, "\(failure)", exitCode: ChargebackExitCode.partial)
        } catch {
            throw CommandFailure(.publishFailed, "\(error)")
        }
        for warning in published.warnings {
            FileHandle.standardError.write(Data("chargeback: warning: \(warning)\n".utf8))
        }
        let folder = out.appendingPathComponent(month.text)
        let shown = files.contains { $0.name == "index.html" } ? folder.appendingPathComponent("index.html") : folder
        try StandardOutput.write("wrote \(files.count) files for \(month.title) (\(report.status.rawValue)): \(shown.path)\n")
        return report
    }
}

extension PreviousMonthTotals {
    /// The chargeback totals of a month's report, for the next month's comparison.
    init(_ report: ChargebackReport) {
        var totals: [String: Decimal] = [:]
        for unit in report.businessUnits {
            if let total = unit.chargebackTotal { totals[unit.id] = total }
        }
        self.init(month: report.month, chargebackTotals: totals, total: report.totals.chargebackTotal)
    }
}

/// Exit 3 when the reports were written but are incomplete.
func exitForStatus(_ status: CollectionStatus) throws {
    switch status {
    case .complete: return
    case .partial: throw ExitCode(ChargebackExitCode.partial)
    case .failed: throw ExitCode(ChargebackExitCode.failed)
    }
}
