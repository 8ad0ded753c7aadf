import AWSCore
import AWSSandbox
import ChargebackTestSupport
import Foundation

/// The shared sandbox harness over the sample organisation, as the conformance tests use it:
/// clients built from plain keys, one attempt per call unless told otherwise.
struct ClientSandbox: Sendable {
    let harness: SandboxHarness

    var server: SandboxServer { harness.server }
    /// The organisation the sandbox serves: the source of truth the decoded answers are checked against.
    var scenario: Scenario { harness.scenario }
    var port: Int { harness.port }
    /// Counts every request the clients send, retries included.
    var http: RecordingHTTPClient { harness.http }
    var endpointURL: String { harness.endpointURL }

    /// The central account's IAM user "reporter".
    static let reporter = AWSCredentials(accessKeyId: SandboxScenarios.sampleReporterAccessKeyId,
                                         secretAccessKey: SandboxScenarios.sampleReporterSecretAccessKey)

    /// One attempt per call: conformance checks want to see exactly what the sandbox answered.
    static let singleAttempt = RetryPolicy(maxAttempts: 1, sleep: { _ in })

    /// Retries without waiting, for faults that do not depend on real time.
    static func instantRetries(_ attempts: Int) -> RetryPolicy { SandboxHarness.instantRetries(attempts) }

    /// Starts a sandbox with `faults` (the `--faults` syntax), runs `body`, and stops the server
    /// whether `body` succeeds or throws.
    static func run<Result: Sendable>(quotas: SandboxOptions.QuotaMode = .off, faults: String = "",
                                      _ body: (ClientSandbox) async throws -> Result) async throws -> Result {
        try await SandboxHarness.with(scenario: SandboxScenarios.sample(now: Date()), faults: faults, quotas: quotas) {
            try await body(ClientSandbox(harness: $0))
        }
    }

    /// An `AWSClient` for `credentials` whose every service endpoint is this sandbox.
    func client(_ credentials: AWSCredentials, region: String = "us-east-1",
                retry: RetryPolicy = ClientSandbox.singleAttempt) -> AWSClient {
        harness.client(StaticCredentialProvider(credentials), region: region, retry: retry)
    }

    /// The sandbox's counters as `GET /_sandbox/counters` serves them.
    func counters() async throws -> SandboxControlCounters { try await harness.controlCounters() }
}

typealias ClientSandboxFailure = SandboxHarnessFailure
