import ChargebackBuildInfo
import Foundation
import Testing

/// `--version` names the version and the commit the binary was built from, with no git or
/// network at run time.
@Suite(.timeLimit(.minutes(2))) struct VersionTests {
    @Test func versionPrintsTheVersionAndTheCommitOfTheBuild() async throws {
        let run = try await CLI.run(["--version"], environment: ["PATH": "/nonexistent"])
        #expect(run.status == 0)
        let line = run.stdout.trimmingCharacters(in: .newlines)
        // "0.2.0 (commit 1a2b3c4d5e6f)", "-dirty" for uncommitted changes, or "unknown commit".
        let form = #/(\d+\.\d+\.\d+) \((commit [0-9a-f]{12}(-dirty)?|unknown commit)\)/#
        let match = try #require(line.wholeMatch(of: form), "unexpected --version output: \(line)")
        #expect(match.output.1 == ChargebackVersion.current)
        #expect(line == ChargebackVersion.description)
    }
}
