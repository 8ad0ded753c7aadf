import AWSCore
import Testing

@Suite struct CommandLineSplitterTests {
    @Test(arguments: [
        ("tool  --flag value", ["tool", "--flag", "value"]),
        ("\"/opt/my tools/cred\" --profile 'prod account'", ["/opt/my tools/cred", "--profile", "prod account"]),
        (#"a\ b c"#, ["a b", "c"]),
        (#""say \"hi\"" 'it''s'"#, [#"say "hi""#, "its"]),
        (#""keep \n and \\""#, [#"keep \n and \"#]),
        (#"'no $(expansion); here'"#, ["no $(expansion); here"]),
        ("tool ''", ["tool", ""]),
        ("pre\"fix\"post", ["prefixpost"]),
        ("   ", []),
    ])
    func splitsLikeShlex(line: String, expected: [String]) throws {
        #expect(try CommandLineSplitter.split(line) == expected)
    }

    @Test(arguments: ["tool 'open", "tool \"open", "tool \\"])
    func rejectsUnbalancedQuoting(line: String) {
        #expect(throws: CommandLineSplitter.SplitError.self) { try CommandLineSplitter.split(line) }
    }
}
