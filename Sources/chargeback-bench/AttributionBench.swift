import ChargebackAttribution
import ChargebackModel
import Foundation

/// Attribution of a large month held in memory: the whole computation from executions and cost
/// lines to the report model. The input is built before the clock starts.
enum AttributionBench {
    static func run(executions: Int) async throws -> BenchResult {
        let input = AttributionBenchmark.syntheticInput(executions: executions)
        let inputRSS = ProcessMemory.residentKiB()
        let (report, seconds) = await measure { Attribution.attribute(input) }
        let lines = report.businessUnits.reduce(0) { $0 + $1.lines.count }
        guard report.totals.chargebackTotal + report.totals.centralRemainder
            == report.totals.consumerTotal + report.totals.centralQuickTotal
        else { throw BenchError("attribution: the organisation's totals do not tie out") }
        return BenchResult(name: "attribution_\(executions)", unit: "executions", count: executions, wallSeconds: seconds,
                           peakRSSKiB: ProcessMemory.peakResidentKiB(),
                           figures: ["business_units": report.businessUnits.count, "lines": lines,
                                     "rss_after_input_kib": inputRSS ?? 0])
    }
}
