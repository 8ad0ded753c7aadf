import AWSCore
import AWSSandbox
import AWSServices
import ChargebackCore
import Foundation

/// ListWorkGroups as a BU's Role B through `AWSClient` and `CurlHTTPClient` against the
/// sample organisation with quotas off: the cost of one signed JSON call on loopback, and
/// whether connections are reused (the sandbox counts the TCP connections it accepts).
enum TransportBenchmark {
    static func run(requests: Int, concurrency: Int) async throws -> [BenchResult] {
        let scenario = SandboxScenarios.sample(now: Date())
        return try await withBenchSandbox(scenario, quotas: .off) { sandbox in
            let config = try ConfigLoader.parse(SampleConfig.text, path: "chargeback.yaml")
            guard let unit = config.businessUnits.first else { throw BenchError("the sample configuration has no business unit") }
            let session = sandbox.roleChain().session(for: unit)
            let athena = AthenaClient(client: session.client(region: unit.regions[0]))
            // Assume the chain and learn the answer before timing, so only ListWorkGroups is measured.
            let expected = try await athena.listWorkGroups(ListWorkGroupsInput(maxResults: 50)).workGroups.count

            ProcessMemory.resetPeak()
            sandbox.server.counters.reset()
            let (_, sequentialSeconds) = try await measure {
                for _ in 0..<requests { try await listWorkGroups(athena, expecting: expected) }
            }
            let sequential = BenchResult(
                name: "transport_sequential", unit: "requests", count: requests, wallSeconds: sequentialSeconds,
                peakRSSKiB: ProcessMemory.peakResidentKiB(),
                figures: ["tcp_connections_accepted": sandbox.server.counters.acceptedConnections])

            ProcessMemory.resetPeak()
            sandbox.server.counters.reset()
            let (failures, concurrentSeconds) = await measure {
                await concurrentMap(Array(0..<requests), limit: concurrency) { _ in
                    do {
                        try await listWorkGroups(athena, expecting: expected)
                        return 0
                    } catch {
                        return 1
                    }
                }.reduce(0, +)
            }
            guard failures == 0 else { throw BenchError("\(failures) of \(requests) concurrent ListWorkGroups calls failed") }
            let concurrent = BenchResult(
                name: "transport_concurrent_\(concurrency)", unit: "requests", count: requests, wallSeconds: concurrentSeconds,
                peakRSSKiB: ProcessMemory.peakResidentKiB(),
                figures: ["tcp_connections_accepted": sandbox.server.counters.acceptedConnections])
            return [sequential, concurrent]
        }
    }

    private static func listWorkGroups(_ athena: AthenaClient, expecting count: Int) async throws {
        let page = try await athena.listWorkGroups(ListWorkGroupsInput(maxResults: 50))
        guard page.workGroups.count == count else {
            throw BenchError("ListWorkGroups returned \(page.workGroups.count) workgroups instead of \(count)")
        }
    }
}
