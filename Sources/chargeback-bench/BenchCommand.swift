import ArgumentParser
import AWSCore
import Foundation

/// `chargeback-bench`: measures the foundation's speed and memory against an in-process sandbox
/// on loopback and prints a table, then one JSON line. Build it in release mode: debug numbers
/// mislead.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chargeback-bench",
        abstract: "Measure SigV4 signing, the HTTP transport, the role chain, collection and attribution.",
        discussion: """
            Everything runs against an in-process sandbox on 127.0.0.1; no AWS account is touched. \
            The last line of output is the results as JSON.
            """
    )

    @Flag(name: .long, help: "A short run (about a tenth of the work) to check that the benchmark works.")
    var quick = false

    @Flag(name: .long, help: "Skip the collects under AWS's quotas, which are bound by the quotas' rate.")
    var skipQuotaRun = false

    @Option(name: .long, help: "Run only the benchmarks whose name contains this text (e.g. collect_aws_quotas_200x2000).")
    var only: String?

    @Option(name: .long, help: "Fail when the process's peak resident memory exceeds this many MiB.")
    var rssBudgetMib = 512

    func validate() throws {
        guard rssBudgetMib > 0 else { throw ValidationError("--rss-budget-mib must be a positive number of MiB") }
    }

    func run() async throws {
        let scale = quick ? BenchScale.quick : BenchScale.full
        let peakResets = ProcessMemory.resetPeak()
        var results: [BenchResult] = []
        func record(_ result: BenchResult) {
            results.append(result)
            progress("\(result.name): \(result.count) \(result.unit) in \(String(format: "%.2f", result.wallSeconds)) s")
        }

        func selected(_ name: String) -> Bool { only.map { name.contains($0) } ?? true }

        // First, while the heap is small: its peak is the million executions it is handed.
        if selected("attribution_\(scale.attributedExecutions)") {
            progress("attribution of \(scale.attributedExecutions) executions")
            record(try await AttributionBench.run(executions: scale.attributedExecutions))
        }

        if selected("sigv4_sign") {
            progress("signing \(scale.signatures) requests")
            record(try await SigningBenchmark.run(count: scale.signatures))
        }

        if selected("transport_sequential") || selected("transport_concurrent_\(scale.transportConcurrency)") {
            progress("transport: \(scale.transportRequests) ListWorkGroups sequentially, then \(scale.transportConcurrency) at a time")
            for result in try await TransportBenchmark.run(requests: scale.transportRequests,
                                                           concurrency: scale.transportConcurrency) {
                record(result)
            }
        }

        if selected("check_\(scale.checkBusinessUnits)_bus") {
            progress("check across \(scale.checkBusinessUnits) business units")
            record(try await CheckBenchmark.run(businessUnits: scale.checkBusinessUnits, concurrency: 8))
        }

        for collect in scale.collects where collect.quotas ? !skipQuotaRun : true {
            let name = "collect_\(collect.quotas ? "aws_quotas" : "quotas_off")_\(collect.accounts)x\(collect.executionsPerAccount)"
            guard selected(name) else { continue }
            progress("\(name): \(collect.accounts) accounts × \(collect.executionsPerAccount) executions over 60 days, "
                + "\(collect.concurrency) accounts at a time")
            record(try await CollectBenchmark(name: name, accounts: collect.accounts,
                                              executionsPerAccount: collect.executionsPerAccount, workgroups: 2,
                                              concurrency: collect.concurrency,
                                              quotas: collect.quotas ? .aws : .off).run())
        }
        guard !results.isEmpty else {
            throw BenchError("no benchmark's name contains \"\(only ?? "")\"")
        }

        let report = BenchReport(mode: scale.name, cores: ProcessInfo.processInfo.activeProcessorCount,
                                 results: results, finalRSSKiB: ProcessMemory.residentKiB(),
                                 peakIsPerBenchmark: peakResets)
        print(report.table())
        print(try report.jsonLine())
        if let peak = report.maxPeakRSSKiB, peak > rssBudgetMib * 1024 {
            throw BenchError("the peak resident memory, \(BenchReport.mebibytes(peak)) MiB, exceeds the budget of "
                + "\(rssBudgetMib) MiB; find what grew in the table above, or raise --rss-budget-mib if that growth is expected")
        }
    }

    /// Progress goes to stderr so stdout stays the table and the JSON line.
    private func progress(_ message: String) {
        FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
    }
}
