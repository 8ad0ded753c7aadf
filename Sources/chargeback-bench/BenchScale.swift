/// How much work each benchmark does: the full run for the team's figures, or a quick one.
struct BenchScale: Sendable {
    var name: String
    /// SigV4 signatures computed.
    var signatures: Int
    /// ListWorkGroups calls, once sequentially and once concurrently.
    var transportRequests: Int
    /// Calls in flight at once in the concurrent transport run.
    var transportConcurrency: Int
    /// Business units `check` goes through.
    var checkBusinessUnits: Int
    /// Collects of synthetic organisations: quotas off (the client alone), then at AWS's quotas.
    var collects: [CollectRun]
    /// Executions attributed in the attribution benchmark.
    var attributedExecutions: Int

    struct CollectRun: Sendable {
        var accounts: Int
        var executionsPerAccount: Int
        var concurrency: Int
        var quotas: Bool
    }

    static let full = BenchScale(
        name: "full", signatures: 100_000, transportRequests: 5_000, transportConcurrency: 16, checkBusinessUnits: 200,
        collects: [CollectRun(accounts: 20, executionsPerAccount: 10_000, concurrency: 8, quotas: false),
                   CollectRun(accounts: 20, executionsPerAccount: 20_000, concurrency: 20, quotas: true),
                   CollectRun(accounts: 200, executionsPerAccount: 2_000, concurrency: 64, quotas: true)],
        attributedExecutions: 1_000_000)

    static let quick = BenchScale(
        name: "quick", signatures: 10_000, transportRequests: 500, transportConcurrency: 16, checkBusinessUnits: 20,
        collects: [CollectRun(accounts: 4, executionsPerAccount: 2_000, concurrency: 4, quotas: false),
                   CollectRun(accounts: 4, executionsPerAccount: 2_000, concurrency: 4, quotas: true),
                   CollectRun(accounts: 20, executionsPerAccount: 300, concurrency: 20, quotas: true)],
        attributedExecutions: 100_000)
}
