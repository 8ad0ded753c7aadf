import AWSSandbox
import ChargebackCore
import Foundation

/// `chargeback check` across a synthetic organisation: for every BU the chain reporter → Role A
/// → Role B, GetCallerIdentity, ListWorkGroups and GetCostAndUsage, then the central row.
/// Quotas are off, so the figure is the tool's own speed.
enum CheckBenchmark {
    static func run(businessUnits: Int, concurrency: Int) async throws -> BenchResult {
        // The check reads no query history, so none is generated.
        let spec = SyntheticSpec(accounts: businessUnits, queries: 0, workgroups: 2, seed: 7)
        let scenario = SandboxScenarios.synthetic(spec, now: Date())
        let config = try OrganisationConfig.config(for: scenario)
        guard config.businessUnits.count == businessUnits else {
            throw BenchError("the configuration has \(config.businessUnits.count) business units, not \(businessUnits)")
        }
        return try await withBenchSandbox(scenario, quotas: .off) { sandbox in
            ProcessMemory.resetPeak()
            let checker = AccessChecker(config: config, chain: sandbox.roleChain(), central: sandbox.client(),
                                        concurrency: concurrency)
            let (reports, seconds) = await measure { await checker.run() }
            let passed = reports.filter(\.passed).count
            if let failed = reports.first(where: { !$0.passed }) {
                FileHandle.standardError.write(Data("chargeback-bench: check row \(failed.businessUnitId) failed: \(failed.outcomes)\n".utf8))
            }
            return BenchResult(
                name: "check_\(businessUnits)_bus", unit: "business units", count: businessUnits, wallSeconds: seconds,
                peakRSSKiB: ProcessMemory.peakResidentKiB(),
                figures: ["assume_role_calls": sandbox.centralAssumeRoleCalls, "rows_passed": passed,
                          "rows_total": reports.count, "concurrency": concurrency])
        }
    }
}
