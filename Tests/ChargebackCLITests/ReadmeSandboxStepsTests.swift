import Foundation
import Testing

/// The README's sandbox steps, run literally by a shell with the built binaries: start the
/// sandbox (the example scenario with its fixed clock, the sample, a synthetic organisation),
/// source its env file, then `discover`/`init` and `check`, which sign with the real time.
@Suite("README sandbox steps", .serialized, .timeLimit(.minutes(2)))
struct ReadmeSandboxStepsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `steps` after starting `chargeback-sandbox <sandboxArguments>` in the background as the
    /// README does (on a free port instead of 4566, so tests never clash).
    func runSteps(sandboxArguments: String, _ steps: String) async throws -> CommandRun {
        let bin = CLI.executable.deletingLastPathComponent().path
        let script = """
        set -u
        cd '\(Self.repository.path)'
        '\(bin)/chargeback-sandbox' \(sandboxArguments) --port 0 --env-file "$HOME/sandbox.env" &
        sandbox=$!
        trap 'kill $sandbox' EXIT
        for _ in $(seq 200); do [ -s "$HOME/sandbox.env" ] && break; sleep 0.05; done
        . "$HOME/sandbox.env"
        PATH='\(bin)':"$PATH"
        \(steps)
        """
        return try await CLI.run(["-c", script], executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test("the example scenario's fixed clock does not break a real-time client, nor does moving it")
    func exampleScenario() async throws {
        let run = try await runSteps(sandboxArguments: "--scenario examples/sandbox-scenario.yaml", """
        chargeback discover > "$HOME/chargeback.yaml" || exit 10
        chargeback check --config "$HOME/chargeback.yaml" || exit 11
        curl -sf -X POST -d '{"set": "2020-01-01T00:00:00Z"}' "$AWS_ENDPOINT_URL/_sandbox/clock" >/dev/null || exit 12
        chargeback check --config "$HOME/chargeback.yaml" || exit 13
        """)
        #expect(run.status == 0, "stdout: \(run.stdout)\nstderr: \(run.stderr)")
        #expect(!run.stdout.contains("SignatureDoesNotMatch") && !run.stdout.contains("InvalidSignature"))
        #expect(run.stdout.components(separatedBy: "2 of 2 passed").count == 3, "\(run.stdout)")
    }

    @Test("the README's sample steps: init, then check")
    func sampleSteps() async throws {
        let run = try await runSteps(sandboxArguments: "--sample", """
        chargeback init "$HOME/chargeback.yaml" && chargeback check --config "$HOME/chargeback.yaml"
        """)
        #expect(run.status == 0, "stdout: \(run.stdout)\nstderr: \(run.stderr)")
        #expect(run.stdout.contains("4 of 4 passed"))
    }

    @Test("a synthetic organisation: discover, then check passes every BU")
    func syntheticDiscoverThenCheck() async throws {
        let run = try await runSteps(sandboxArguments: "--synthetic accounts=3,queries=60,workgroups=2,seed=7", """
        chargeback discover > "$HOME/chargeback.yaml" || exit 10
        chargeback check --config "$HOME/chargeback.yaml"
        """)
        #expect(run.status == 0, "stdout: \(run.stdout)\nstderr: \(run.stderr)")
        #expect(run.stdout.contains("4 of 4 passed"))
    }
}
