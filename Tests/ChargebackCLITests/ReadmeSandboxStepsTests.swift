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

    /// The README's sandbox block as written, with this build's binaries for `.build/debug/`, a
    /// free port and an env file of the test's own; `swift build` is left out (the binaries are built).
    static func readmeSandboxBlock() throws -> String {
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "\n## The sandbox\n"))
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```sh\n"))
        let end = try #require(rest[start.upperBound...].range(of: "\n```"))
        let bin = CLI.executable.deletingLastPathComponent().path
        return rest[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("swift build") }
            .joined(separator: "\n")
            .replacingOccurrences(of: ".build/debug/", with: bin + "/")
            .replacingOccurrences(of: "--port 4566", with: "--port 0")
            .replacingOccurrences(of: "/tmp/sandbox.env", with: "\"$HOME/sandbox.env\"")
    }

    @Test("the README's sandbox block, as written: start the sample, init, check, report")
    func readmeSandboxSteps() async throws {
        let block = try Self.readmeSandboxBlock()
        #expect(block.contains("chargeback-sandbox --sample") && block.contains("chargeback report"), "\(block)")
        let script = """
        set -eu
        trap 'jobs -p | xargs -r kill 2>/dev/null || true' EXIT
        \(block)
        ls reports/*/report.json reports/*/index.html >/dev/null || exit 20
        """
        let run = try await CLI.run(["-c", script], executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(run.status == 0, "script:\n\(script)\nstdout: \(run.stdout)\nstderr: \(run.stderr)")
        #expect(run.stdout.contains("4 of 4 passed"), "\(run.stdout)")
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
