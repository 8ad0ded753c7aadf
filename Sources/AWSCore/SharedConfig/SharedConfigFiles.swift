import Foundation

/// The profiles of the shared config file (`AWS_CONFIG_FILE`, default `~/.aws/config`, sections
/// `[default]` and `[profile name]`) and the shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`,
/// default `~/.aws/credentials`, sections `[name]`). A missing file counts as empty, as in the SDKs.
public struct SharedConfigFiles: Sendable, Equatable {
    /// Which of the two files a setting comes from.
    public enum Source: String, Sendable {
        case credentialsFile = "credentials file"
        case configFile = "config file"
    }

    public var configPath: String
    public var credentialsPath: String
    /// Profiles of the config file by profile name (the `profile ` prefix removed).
    public var configProfiles: [String: [String: String]]
    /// Profiles of the credentials file by name.
    public var credentialsProfiles: [String: [String: String]]

    public init(configPath: String, credentialsPath: String,
                configProfiles: [String: [String: String]] = [:],
                credentialsProfiles: [String: [String: String]] = [:]) {
        self.configPath = configPath
        self.credentialsPath = credentialsPath
        self.configProfiles = configProfiles
        self.credentialsProfiles = credentialsProfiles
    }

    /// Reads both files from the paths the environment selects.
    public static func load(environment: [String: String]) throws -> SharedConfigFiles {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let configPath = expandTilde(nonEmpty(environment["AWS_CONFIG_FILE"]) ?? "~/.aws/config", home: home)
        let credentialsPath = expandTilde(nonEmpty(environment["AWS_SHARED_CREDENTIALS_FILE"]) ?? "~/.aws/credentials",
                                          home: home)
        return SharedConfigFiles(
            configPath: configPath, credentialsPath: credentialsPath,
            configProfiles: configProfilesByName(try readSections(at: configPath)),
            credentialsProfiles: Dictionary(try readSections(at: credentialsPath).map { ($0.name, $0.values) },
                                            uniquingKeysWith: { _, last in last }))
    }

    /// The profile to use: the explicit one (`--profile`), else `AWS_PROFILE`, else `AWS_DEFAULT_PROFILE`,
    /// else "default".
    public static func selectedProfileName(explicit: String?, environment: [String: String]) -> String {
        nonEmpty(explicit) ?? nonEmpty(environment["AWS_PROFILE"]) ?? nonEmpty(environment["AWS_DEFAULT_PROFILE"])
            ?? "default"
    }

    /// True when either file has a section for `name`.
    public func hasProfile(_ name: String) -> Bool {
        configProfiles[name] != nil || credentialsProfiles[name] != nil
    }

    /// The profile's settings from both files; the credentials file wins for a key set in both.
    public func profile(_ name: String) -> [String: String]? {
        guard hasProfile(name) else { return nil }
        return (configProfiles[name] ?? [:]).merging(credentialsProfiles[name] ?? [:]) { _, credentials in credentials }
    }

    /// The profile's settings from one file only.
    public func profile(_ name: String, in source: Source) -> [String: String]? {
        switch source {
        case .credentialsFile: return credentialsProfiles[name]
        case .configFile: return configProfiles[name]
        }
    }

    /// The path of one of the two files, for messages.
    public func path(of source: Source) -> String {
        switch source {
        case .credentialsFile: return credentialsPath
        case .configFile: return configPath
        }
    }

    private static func readSections(at path: String) throws -> [(name: String, values: [String: String])] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard !isDirectory.boolValue else {
            throw SharedConfigError(path: path, message: "is a directory, not a file; point the variable at a file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SharedConfigError(path: path, message: "cannot be read (\(error.localizedDescription)); check its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SharedConfigError(path: path, message: "is not UTF-8 text")
        }
        return try ConfigFileParser.parse(text, path: path)
    }

    /// In the config file only `[default]` and `[profile name]` are profiles; `[profile name]` wins
    /// over a bare `[default]` when both name the default profile, and other sections
    /// (`[sso-session x]`, `[services x]`) are not profiles.
    private static func configProfilesByName(_ sections: [(name: String, values: [String: String])]) -> [String: [String: String]] {
        var profiles: [String: [String: String]] = [:]
        for section in sections where section.name == "default" {
            profiles["default"] = section.values
        }
        for section in sections where section.name.hasPrefix("profile ") || section.name.hasPrefix("profile\t") {
            let name = section.name.dropFirst("profile".count).trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { profiles[name] = section.values }
        }
        return profiles
    }

    private static func expandTilde(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
