import AWSCore
import Foundation
import Testing

@Suite struct EnvironmentCredentialProviderTests {
    @Test func readsKeysTokenAndExpiration() async throws {
        let provider = EnvironmentCredentialProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token",
            "AWS_CREDENTIAL_EXPIRATION": "2030-01-02T03:04:05Z",
        ])
        let credentials = try await provider.credentials()

        #expect(credentials == AWSCredentials(accessKeyId: "AKIAENV", secretAccessKey: "env-secret",
                                              sessionToken: "env-token",
                                              expiration: AWSTimestamp.parse("2030-01-02T03:04:05Z")))
    }

    @Test func acceptsTheOlderSecurityTokenVariable() async throws {
        let provider = EnvironmentCredentialProvider(environment: [
            "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SECURITY_TOKEN": "old-token",
        ])
        #expect(try await provider.credentials().sessionToken == "old-token")
    }

    @Test(arguments: [[:], ["AWS_ACCESS_KEY_ID": ""], ["AWS_SECRET_ACCESS_KEY": "lonely-secret"]])
    func isNotConfiguredWithoutAKeyId(environment: [String: String]) async throws {
        let error = try await #require(throws: CredentialProviderError.self) {
            try await EnvironmentCredentialProvider(environment: environment).credentials()
        }
        #expect(!error.isTerminal)
        #expect(!error.description.contains("lonely-secret"))
    }

    @Test func aKeyIdWithoutSecretIsAnError() async throws {
        let error = try await #require(throws: CredentialProviderError.self) {
            try await EnvironmentCredentialProvider(environment: ["AWS_ACCESS_KEY_ID": "AKIAENV",
                                                                  "AWS_SESSION_TOKEN": "stray-token"]).credentials()
        }
        #expect(error.isTerminal)
        #expect(error.description.contains("AWS_SECRET_ACCESS_KEY"))
        #expect(!error.description.contains("stray-token"))
    }

    @Test func aBadExpirationIsAnError() async throws {
        let error = try await #require(throws: CredentialProviderError.self) {
            try await EnvironmentCredentialProvider(environment: [
                "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret",
                "AWS_CREDENTIAL_EXPIRATION": "tomorrow",
            ]).credentials()
        }
        #expect(error.isTerminal)
        #expect(error.description.contains("AWS_CREDENTIAL_EXPIRATION"))
        #expect(!error.description.contains("env-secret"))
    }

    @Test func staticProviderReturnsItsCredentials() async throws {
        let fixed = AWSCredentials(accessKeyId: "AKIASTATIC", secretAccessKey: "static-secret")
        #expect(try await StaticCredentialProvider(fixed).credentials() == fixed)
    }
}

@Suite struct ProfileCredentialProviderTests {
    let files = SharedConfigFiles(
        configPath: "/home/user/.aws/config", credentialsPath: "/home/user/.aws/credentials",
        configProfiles: ["cfg": ["aws_access_key_id": "AKIACFG", "aws_secret_access_key": "cfg-secret"]],
        credentialsProfiles: [
            "prod": ["aws_access_key_id": "AKIAPROD", "aws_secret_access_key": "prod-secret",
                     "aws_session_token": "prod-token"],
            "half": ["aws_access_key_id": "AKIAHALF", "aws_session_token": "half-token"],
            "roleonly": ["role_arn": "arn:aws:iam::123456789012:role/r"],
        ])

    @Test func readsStaticKeysFromTheCredentialsFile() async throws {
        let provider = ProfileCredentialProvider(profileName: "prod", files: files, source: .credentialsFile)
        #expect(try await provider.credentials() == AWSCredentials(accessKeyId: "AKIAPROD", secretAccessKey: "prod-secret",
                                                                   sessionToken: "prod-token"))
    }

    @Test func readsStaticKeysFromTheConfigFile() async throws {
        let provider = ProfileCredentialProvider(profileName: "cfg", files: files, source: .configFile)
        #expect(try await provider.credentials().accessKeyId == "AKIACFG")
    }

    @Test(arguments: [("cfg", SharedConfigFiles.Source.credentialsFile), ("missing", .configFile),
                      ("roleonly", .credentialsFile)])
    func isNotConfiguredWithoutKeys(profile: String, source: SharedConfigFiles.Source) async throws {
        let error = try await #require(throws: CredentialProviderError.self) {
            try await ProfileCredentialProvider(profileName: profile, files: files, source: source).credentials()
        }
        #expect(!error.isTerminal)
        #expect(error.description.contains("'\(profile)'"))
        #expect(error.description.contains(files.path(of: source)))
    }

    @Test func aKeyIdWithoutSecretNamesTheProfileAndFile() async throws {
        let error = try await #require(throws: CredentialProviderError.self) {
            try await ProfileCredentialProvider(profileName: "half", files: files, source: .credentialsFile).credentials()
        }
        #expect(error.isTerminal)
        #expect(error.description.contains("'half'") && error.description.contains("/home/user/.aws/credentials"))
        #expect(!error.description.contains("half-token"))
    }
}
