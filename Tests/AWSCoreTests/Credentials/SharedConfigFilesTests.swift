import AWSCore
import Foundation
import Testing

@Suite struct SharedConfigFilesTests {
    let directory: CredentialsTempDirectory
    let environment: [String: String]

    init() throws {
        directory = try CredentialsTempDirectory()
        environment = [
            "AWS_CONFIG_FILE": "\(directory.path)/config",
            "AWS_SHARED_CREDENTIALS_FILE": "\(directory.path)/credentials",
        ]
    }

    @Test func readsProfilesCommentsAndCaseInsensitiveKeys() throws {
        try directory.write("config", """
            # a comment
            ; another comment
            [default]
            region = eu-west-1
              
            [profile dev]
              AWS_Access_Key_ID   =   AKIADEV  
            s3 =
              max_concurrent_requests = 20
              addressing_style = path
            output: json

            [sso-session corp]
            sso_region = us-east-1
            """)
        let files = try SharedConfigFiles.load(environment: environment)

        #expect(files.profile("default") == ["region": "eu-west-1"])
        let dev = try #require(files.profile("dev"))
        #expect(dev["aws_access_key_id"] == "AKIADEV")
        #expect(dev["output"] == "json")
        #expect(dev["s3"] == "")
        #expect(dev["max_concurrent_requests"] == nil, "nested keys stay out of the profile")
        #expect(!files.hasProfile("sso-session corp") && !files.hasProfile("corp"))
    }

    @Test func credentialsFileWinsOverConfigFile() throws {
        try directory.write("config", "[profile prod]\nregion = us-east-2\naws_access_key_id = FROMCONFIG\n")
        try directory.write("credentials", "[prod]\naws_access_key_id = FROMCREDENTIALS\n")
        let files = try SharedConfigFiles.load(environment: environment)

        #expect(files.profile("prod") == ["region": "us-east-2", "aws_access_key_id": "FROMCREDENTIALS"])
        #expect(files.profile("prod", in: .configFile)?["aws_access_key_id"] == "FROMCONFIG")
    }

    /// Files saved on Windows end their lines with CR LF, which Swift reads as one character.
    @Test func crlfLineEndingsReadAsLines() throws {
        try directory.write("credentials", "[prod]\r\naws_access_key_id = AKIACRLF\r\n\r\n[dev]\r\nregion: eu-west-1\r\n")
        let files = try SharedConfigFiles.load(environment: environment)

        #expect(files.profile("prod") == ["aws_access_key_id": "AKIACRLF"])
        #expect(files.profile("dev") == ["region": "eu-west-1"])
    }

    @Test func missingFilesAreEmpty() throws {
        let files = try SharedConfigFiles.load(environment: environment)
        #expect(files.configProfiles.isEmpty && files.credentialsProfiles.isEmpty)
        #expect(files.profile("default") == nil)
    }

    @Test func defaultPathsAreUnderHome() throws {
        try directory.write(".aws/credentials", "[default]\naws_access_key_id = AKIAHOME\n")
        let files = try SharedConfigFiles.load(environment: ["HOME": directory.path])

        #expect(files.configPath == "\(directory.path)/.aws/config")
        #expect(files.profile("default")?["aws_access_key_id"] == "AKIAHOME")
    }

    @Test(arguments: [
        ("[default]\nregion = us-east-1\nthis line is wrong\n", 3),
        ("region = us-east-1\n", 1),
        ("[default]\nregion = a\nregion = b\n", 3),
        ("[default]\n[default]\n", 2),
        ("[default\n", 1),
        ("  indented = before any key\n", 1),
    ])
    func badLinesNameTheFileAndLine(text: String, line: Int) throws {
        let path = try directory.write("config", text)
        let error = try #require(throws: SharedConfigError.self) { try SharedConfigFiles.load(environment: environment) }

        #expect(error.path == path)
        #expect(error.line == line)
        #expect(error.description.contains("\(path):\(line)"))
    }

    @Test(arguments: [
        (nil, [:], "default"),
        (nil, ["AWS_PROFILE": "env"], "env"),
        (nil, ["AWS_DEFAULT_PROFILE": "older"], "older"),
        ("cli", ["AWS_PROFILE": "env"], "cli"),
        (nil, ["AWS_PROFILE": ""], "default"),
    ] as [(String?, [String: String], String)])
    func selectsTheProfile(explicit: String?, environment: [String: String], expected: String) {
        #expect(SharedConfigFiles.selectedProfileName(explicit: explicit, environment: environment) == expected)
    }
}

@Suite struct RegionResolverTests {
    @Test(arguments: [
        (["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "us-west-2"], "ap-south-1", "eu-west-1"),
        (["AWS_DEFAULT_REGION": "us-west-2"], "ap-south-1", "us-west-2"),
        (["AWS_REGION": ""], "ap-south-1", "ap-south-1"),
        ([:], nil, nil),
        ([:], "", nil),
    ] as [([String: String], String?, String?)])
    func resolvesInSDKOrder(environment: [String: String], profileRegion: String?, expected: String?) {
        #expect(RegionResolver.resolve(environment: environment, profileRegion: profileRegion) == expected)
    }
}
