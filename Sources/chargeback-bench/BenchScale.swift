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
    /// The history pull with quotas off: BUs, workgroups per BU, generated executions per workgroup.
    var pullBusinessUnits: Int
    var pullExecutionsPerWorkgroup: Int
    /// The same with AWS's quotas.
    var quotaPullBusinessUnits: Int
    var quotaPullExecutionsPerWorkgroup: Int
    var workgroups: Int
    /// Streams (BU × workgroup) pulled at once.
    var pullConcurrency: Int

    static let full = BenchScale(
        name: "full", signatures: 100_000, transportRequests: 5_000, transportConcurrency: 16, checkBusinessUnits: 200,
        pullBusinessUnits: 20, pullExecutionsPerWorkgroup: 5_000, quotaPullBusinessUnits: 2,
        quotaPullExecutionsPerWorkgroup: 5_000, workgroups: 2, pullConcurrency: 8)

    static let quick = BenchScale(
        name: "quick", signatures: 10_000, transportRequests: 500, transportConcurrency: 16, checkBusinessUnits: 20,
        pullBusinessUnits: 4, pullExecutionsPerWorkgroup: 1_000, quotaPullBusinessUnits: 1,
        quotaPullExecutionsPerWorkgroup: 500, workgroups: 2, pullConcurrency: 8)
}
