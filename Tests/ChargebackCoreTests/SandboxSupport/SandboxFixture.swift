import AWSSandbox
import ChargebackTestSupport
import Foundation

/// The shared sandbox harness, as these tests call it.
typealias SandboxFixture = SandboxHarness

/// Runs `body` against a fresh sandbox (the sample organisation unless told otherwise) and stops
/// the sandbox afterwards, whether `body` throws or not.
func withSandbox<Result>(scenario: Scenario = SampleOrganisation.scenario, faults: String = "", frozenClock: Bool = false,
                         _ body: (SandboxFixture) async throws -> Result) async throws -> Result {
    try await SandboxHarness.with(scenario: scenario, faults: faults, frozenClock: frozenClock, body)
}
