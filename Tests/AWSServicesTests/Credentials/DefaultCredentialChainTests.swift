import ChargebackTestSupport
import AWSCore
import AWSServices
import Foundation
import Testing

/// Shared files in a temporary directory, a recording STS, a clock, and metadata endpoints
/// (container and IMDS) answered by a stub.
struct ChainScenario {
    let directory: CredentialsTempDirectory
    let clock = CredentialsTestClock()
    let recorder: RoleCallRecorder
    let http: StubHTTPClient
    let files: [String: String]

    init(config: String = "", credentials: String = "") throws {
        directory = try CredentialsTempDirectory()
        recorder = RoleCallRecorder(clock: clock)
        files = [
            "AWS_CONFIG_FILE": try directory.write("config", config),
            "AWS_SHARED_CREDENTIALS_FILE": try directory.write("credentials", credentials),
            "PATH": "/usr/bin:/bin",
        ]
        http = StubHTTPClient { request in
            let document = { (key: String) in
                Data(#"{"Code": "Success", "AccessKeyId": "\#(key)", "SecretAccessKey": "metadata-secret", "Token": "metadata-token", "Expiration": "2030-01-01T00:00:00Z"}"#.utf8)
            }
            switch (request.host, request.path) {
            case ("169.254.170.2", "/creds"): return HTTPResponse(status: 200, body: document("ASIACONTAINER"))
            case ("169.254.169.254", "/latest/api/token"): return HTTPResponse(status: 200, body: Data("t".utf8))
            case ("169.254.169.254", "/latest/meta-data/iam/security-credentials/"):
                return HTTPResponse(status: 200, body: Data("instance-role".utf8))
            case ("169.254.169.254", "/latest/meta-data/iam/security-credentials/instance-role"):
                return HTTPResponse(status: 200, body: document("ASIAIMDS"))
            default: return HTTPResponse(status: 404)
            }
        }
    }

    func make(_ environment: [String: String] = [:], profile: String? = nil) throws -> any CredentialProvider {
        try DefaultCredentialChain.make(
            environment: files.merging(environment) { _, new in new }, http: http,
            endpoints: EndpointResolver(environment: [:]), region: "eu-west-1", profile: profile,
            roleSource: recorder.factory, now: clock.now)
    }
}

@Suite(.timeLimit(.minutes(1))) struct DefaultCredentialChainTests {
    static let environmentKeys = ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret"]

    /// Every source configured at once; each case removes the first `removed` layers.
    @Test(arguments: [
        (0, "AKIAENV"), (1, "AKIAFILE"), (2, "AKIAPROCESS"), (3, "AKIACONFIG"), (4, "ASIACONTAINER"), (5, "ASIAIMDS"),
    ])
    func triesSourcesInBotocoreOrder(removed: Int, expected: String) async throws {
        let directory = try CredentialsTempDirectory()
        let tool = try directory.write("cred-tool", """
            echo '{"Version": 1, "AccessKeyId": "AKIAPROCESS", "SecretAccessKey": "process-secret"}'
            """)
        let layers: [(config: String, credentials: String, environment: [String: String])] = [
            ("", "", Self.environmentKeys),
            ("", "aws_access_key_id = AKIAFILE\naws_secret_access_key = file-secret\n", [:]),
            ("credential_process = /bin/sh \(tool)\n", "", [:]),
            ("aws_access_key_id = AKIACONFIG\naws_secret_access_key = config-secret\n", "", [:]),
            ("", "", ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/creds"]),
        ]
        let kept = layers.dropFirst(removed)
        let scenario = try ChainScenario(config: "[default]\n" + kept.map(\.config).joined(),
                                         credentials: "[default]\n" + kept.map(\.credentials).joined())
        let environment = kept.reduce(into: [String: String]()) { $0.merge($1.environment) { _, new in new } }

        #expect(try await scenario.make(environment).credentials().accessKeyId == expected)
    }

    @Test func assumeRoleProfileSendsItsSettingsAndSourceCredentialsToSTS() async throws {
        let scenario = try ChainScenario(config: """
            [profile target]
            role_arn = arn:aws:iam::111122223333:role/Target
            source_profile = base
            external_id = ext-123
            role_session_name = nightly-report
            duration_seconds = 1800
            """, credentials: "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = base-secret\n")
        let credentials = try await scenario.make(Self.environmentKeys, profile: "target").credentials()

        #expect(credentials.accessKeyId.hasPrefix("ASIA-Target"), "an explicit profile takes the environment keys out")
        #expect(scenario.recorder.assumeRoleCalls == [.init(
            input: AssumeRoleInput(roleArn: "arn:aws:iam::111122223333:role/Target", roleSessionName: "nightly-report",
                                   externalId: "ext-123", durationSeconds: 1800),
            baseAccessKeyId: "AKIABASE")])
    }

    @Test func environmentKeysBeatAProfileChosenByAWSProfile() async throws {
        let scenario = try ChainScenario(config: "[profile target]\nrole_arn = arn:aws:iam::111122223333:role/Target\n")
        let credentials = try await scenario.make(Self.environmentKeys.merging(["AWS_PROFILE": "target"]) { $1 })
            .credentials()

        #expect(credentials.accessKeyId == "AKIAENV", "the broken role profile is never reached")
        #expect(scenario.recorder.assumeRoleCalls.isEmpty)
    }

    @Test func sourceProfilesChainRolesInOrder() async throws {
        let scenario = try ChainScenario(config: """
            [profile a]
            role_arn = arn:aws:iam::111122223333:role/A
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::444455556666:role/B
            source_profile = keys
            [profile keys]
            aws_access_key_id = AKIAKEYS
            aws_secret_access_key = keys-secret
            """)
        let credentials = try await scenario.make(profile: "a").credentials()
        let calls = scenario.recorder.assumeRoleCalls

        #expect(calls.map(\.input.roleArn) == ["arn:aws:iam::444455556666:role/B", "arn:aws:iam::111122223333:role/A"])
        #expect(calls.map(\.baseAccessKeyId) == ["AKIAKEYS", "ASIA-B-1"])
        #expect(credentials.accessKeyId == "ASIA-A-2")
    }

    @Test func aSourceProfileCycleIsRejectedClearly() async throws {
        let scenario = try ChainScenario(config: """
            [profile a]
            role_arn = arn:aws:iam::111122223333:role/A
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::111122223333:role/B
            source_profile = a
            """)
        let error = try await #require(throws: CredentialProviderError.self) {
            try await scenario.make(profile: "a").credentials()
        }

        #expect(error.isTerminal)
        #expect(error.message.contains("cycle") && error.message.contains("'a' → 'b' → 'a'"))
        #expect(scenario.recorder.assumeRoleCalls.isEmpty)
    }

    @Test func aProfileWithKeysMayBeItsOwnSource() async throws {
        let scenario = try ChainScenario(
            config: "[profile self]\nrole_arn = arn:aws:iam::111122223333:role/Self\nsource_profile = self\n",
            credentials: "[self]\naws_access_key_id = AKIASELF\naws_secret_access_key = self-secret\n")
        _ = try await scenario.make(profile: "self").credentials()

        #expect(scenario.recorder.assumeRoleCalls.map(\.baseAccessKeyId) == ["AKIASELF"])
    }

    @Test(arguments: [
        ("Environment", "AKIAENV"), ("EcsContainer", "ASIACONTAINER"), ("Ec2InstanceMetadata", "ASIAIMDS"),
    ])
    func credentialSourceNamesTheBaseProvider(source: String, baseKey: String) async throws {
        let scenario = try ChainScenario(
            config: "[profile r]\nrole_arn = arn:aws:iam::111122223333:role/R\ncredential_source = \(source)\n")
        let environment = Self.environmentKeys.merging(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/creds"]) { $1 }
        _ = try await scenario.make(environment, profile: "r").credentials()

        #expect(scenario.recorder.assumeRoleCalls.map(\.baseAccessKeyId) == [baseKey])
    }

    @Test(arguments: [
        ("source_profile = keys\ncredential_source = Environment\n", "both"),
        ("", "neither"),
        ("source_profile = ghost\n", "'ghost'"),
        ("source_profile = empty\n", "no credentials"),
        ("credential_source = Laptop\n", "Laptop"),
        ("source_profile = keys\nduration_seconds = an hour\n", "duration_seconds"),
    ])
    func misconfiguredRoleProfilesSayWhatToFix(settings: String, mentions: String) async throws {
        let scenario = try ChainScenario(config: """
            [profile r]
            role_arn = arn:aws:iam::111122223333:role/R
            \(settings)
            [profile keys]
            aws_access_key_id = AKIAKEYS
            aws_secret_access_key = keys-secret
            [profile empty]
            region = eu-west-1
            """)
        let error = try await #require(throws: CredentialProviderError.self) {
            try await scenario.make(profile: "r").credentials()
        }
        #expect(error.isTerminal)
        #expect(error.message.contains(mentions))
        #expect(!error.description.contains("keys-secret"))
    }

    @Test func roleSessionsAreCachedAndRefreshedBeforeExpiry() async throws {
        let scenario = try ChainScenario(config: """
            [profile r]
            role_arn = arn:aws:iam::111122223333:role/R
            credential_source = Environment
            """)
        let provider = try scenario.make(Self.environmentKeys, profile: "r")

        _ = try await provider.credentials()
        scenario.clock.advance(by: 30 * 60)
        _ = try await provider.credentials()
        #expect(scenario.recorder.assumeRoleCalls.count == 1)
        scenario.clock.advance(by: 16 * 60)
        _ = try await provider.credentials()
        #expect(scenario.recorder.assumeRoleCalls.count == 2)
        let sessionName = try #require(scenario.recorder.assumeRoleCalls.first?.input.roleSessionName)
        #expect(sessionName.range(of: #"^[\w+=,.@-]{2,64}$"#, options: .regularExpression) != nil)
    }

    @Test func webIdentityFromTheEnvironmentRereadsTheTokenAtRefresh() async throws {
        let scenario = try ChainScenario()
        let tokenFile = try scenario.directory.write("token", "jwt-one")
        let provider = try scenario.make([
            "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": "arn:aws:iam::111122223333:role/CI",
            "AWS_ROLE_SESSION_NAME": "pipeline-7",
        ])
        _ = try await provider.credentials()
        try scenario.directory.write("token", "jwt-two")
        scenario.clock.advance(by: 50 * 60)
        _ = try await provider.credentials()

        let calls = scenario.recorder.webIdentityCalls
        #expect(calls.map(\.webIdentityToken) == ["jwt-one", "jwt-two"])
        #expect(calls.allSatisfy { $0.roleArn == "arn:aws:iam::111122223333:role/CI" && $0.roleSessionName == "pipeline-7" })
    }

    @Test func webIdentityFromTheProfile() async throws {
        let scenario = try ChainScenario()
        let tokenFile = try scenario.directory.write("token", "jwt-profile")
        try scenario.directory.write("config", """
            [profile ci]
            web_identity_token_file = \(tokenFile)
            role_arn = arn:aws:iam::111122223333:role/CI
            """)
        let credentials = try await scenario.make(profile: "ci").credentials()

        #expect(credentials.accessKeyId == "ASIA-CI-1")
        #expect(scenario.recorder.webIdentityCalls.map(\.webIdentityToken) == ["jwt-profile"])
        #expect(scenario.recorder.assumeRoleCalls.isEmpty, "a web identity profile is not an AssumeRole profile")
    }

    @Test func webIdentityWithoutARoleSaysWhichSettingIsMissing() async throws {
        let scenario = try ChainScenario()
        let tokenFile = try scenario.directory.write("token", "jwt-secret-value")
        let error = try await #require(throws: CredentialProviderError.self) {
            try await scenario.make(["AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile]).credentials()
        }
        #expect(error.message.contains("AWS_ROLE_ARN"))
        #expect(!error.description.contains("jwt-secret-value"))
    }

    @Test func aNamedProfileThatDoesNotExistFailsAtOnce() throws {
        let scenario = try ChainScenario(config: "[profile dev]\nregion = eu-west-1\n")
        let error = try #require(throws: CredentialProviderError.self) { try scenario.make(["AWS_PROFILE": "prod"]) }
        #expect(error.message.contains("'prod'") && error.message.contains(scenario.files["AWS_CONFIG_FILE"]!))
    }

    @Test func aBrokenConfigFileFailsWithItsLine() throws {
        let scenario = try ChainScenario(config: "[default]\nregion eu-west-1\n")
        let error = try #require(throws: SharedConfigError.self) { try scenario.make() }
        #expect(error.line == 2)
    }

    @Test func expiredEnvironmentKeysAreRefused() async throws {
        let scenario = try ChainScenario()
        let error = try await #require(throws: CredentialProviderError.self) {
            try await scenario.make(Self.environmentKeys.merging([
                "AWS_SESSION_TOKEN": "env-token", "AWS_CREDENTIAL_EXPIRATION": "2026-01-01T00:00:00Z",
            ]) { $1 }).credentials()
        }
        #expect(error.message.contains("expired"))
        #expect(!error.description.contains("env-secret") && !error.description.contains("env-token"))
    }

    @Test func nothingConfiguredListsWhatWasTried() async throws {
        let scenario = try ChainScenario()
        let error = try await #require(throws: CredentialProviderError.self) {
            try await scenario.make(["AWS_EC2_METADATA_DISABLED": "true"]).credentials()
        }
        #expect(error.provider == "DefaultCredentialChain")
        for name in ["EnvironmentCredentialProvider", "ProcessCredentialProvider", "ContainerCredentialProvider",
                     "IMDSCredentialProvider"] {
            #expect(error.message.contains(name))
        }
    }
}
