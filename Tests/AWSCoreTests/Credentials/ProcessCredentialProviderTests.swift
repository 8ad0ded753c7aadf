import AWSCore
import Foundation
import Testing

@Suite(.timeLimit(.minutes(1))) struct ProcessCredentialProviderTests {
    let directory: CredentialsTempDirectory
    let environment: [String: String]

    init() throws {
        directory = try CredentialsTempDirectory()
        environment = ["PATH": "\(directory.path):/usr/bin:/bin"]
    }

    /// A script printing a credentials document whose AccessKeyId is its first argument. Tests run
    /// scripts through /bin/sh: executing a file just written while parallel tests fork can fail
    /// with "text file busy".
    @discardableResult
    private func echoingTool(named name: String) throws -> String {
        try directory.write(name, """
            printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "process-secret", "SessionToken": "process-token", "Expiration": "2030-05-06T07:08:09.123456Z"}' "$1"
            """)
    }

    @Test func runsTheCommandWithoutAShellAndParsesTheDocument() async throws {
        let tool = try echoingTool(named: "my tools/cred tool")
        let provider = ProcessCredentialProvider(
            profileName: "dev", commandLine: "/bin/sh \"\(tool)\" '$(echo injected); rm -rf x'", environment: environment)
        let credentials = try await provider.credentials()

        #expect(credentials.accessKeyId == "$(echo injected); rm -rf x", "the argument reaches the tool verbatim")
        #expect(credentials.secretAccessKey == "process-secret")
        #expect(credentials.sessionToken == "process-token")
        #expect(credentials.expiration == AWSTimestamp.parse("2030-05-06T07:08:09.123456Z"))
    }

    @Test func findsTheCommandOnPath() async throws {
        let tool = try echoingTool(named: "cred-helper")
        let provider = ProcessCredentialProvider(profileName: "dev", commandLine: "sh \(tool) AKIAPATH",
                                                 environment: environment)
        #expect(try await provider.credentials().accessKeyId == "AKIAPATH")
    }

    @Test func readsTheCommandFromTheProfile() async throws {
        let tool = try echoingTool(named: "cred")
        let files = SharedConfigFiles(configPath: "c", credentialsPath: "k",
                                      configProfiles: ["dev": ["credential_process": "/bin/sh \(tool) AKIAPROFILE"]])
        let provider = ProcessCredentialProvider(profileName: "dev", files: files, environment: environment)
        #expect(try await provider.credentials().accessKeyId == "AKIAPROFILE")
    }

    @Test func isNotConfiguredWithoutACommand() async throws {
        let error = try await #require(throws: CredentialProviderError.self) {
            try await ProcessCredentialProvider(profileName: "dev", commandLine: nil, environment: environment).credentials()
        }
        #expect(!error.isTerminal)
    }

    @Test func aNonZeroExitNamesProfileAndStatusButNotTheOutput() async throws {
        let tool = try directory.write("failing", """
            echo '{"Version": 1, "AccessKeyId": "AKIA", "SecretAccessKey": "leaked-secret"}'
            exit 3
            """)
        let error = try await #require(throws: CredentialProviderError.self) {
            try await ProcessCredentialProvider(profileName: "ci", commandLine: "/bin/sh \(tool)", environment: environment).credentials()
        }
        #expect(error.isTerminal)
        #expect(error.description.contains("'ci'") && error.description.contains("status 3"))
        #expect(!error.description.contains("leaked-secret"))
    }

    @Test(arguments: [
        "echo 'not json at all: hidden-secret'",
        #"echo '{"Version": 2, "AccessKeyId": "AKIA", "SecretAccessKey": "hidden-secret"}'"#,
        #"echo '{"Version": 1, "AccessKeyId": "AKIA"}'"#,
        #"echo '{"Version": 1, "AccessKeyId": "AKIA", "SecretAccessKey": "hidden-secret", "Expiration": "soon"}'"#,
    ])
    func aBadDocumentIsAnErrorThatQuotesNothingSecret(script: String) async throws {
        let tool = try directory.write("bad", "\(script)\n")
        let error = try await #require(throws: CredentialProviderError.self) {
            try await ProcessCredentialProvider(profileName: "dev", commandLine: "/bin/sh \(tool)", environment: environment).credentials()
        }
        #expect(error.isTerminal)
        #expect(error.description.contains("'dev'"))
        #expect(!error.description.contains("hidden-secret"))
    }

    @Test(arguments: ["no-such-tool-anywhere", "'unbalanced"])
    func anUnusableCommandLineIsAnError(commandLine: String) async throws {
        let error = try await #require(throws: CredentialProviderError.self) {
            try await ProcessCredentialProvider(profileName: "dev", commandLine: commandLine,
                                                environment: environment).credentials()
        }
        #expect(error.isTerminal)
        #expect(error.description.contains("'dev'"))
    }
}
