import Foundation

/// A workgroup as GetWorkGroup describes it.
public struct AthenaWorkGroup: Sendable, Equatable, Codable {
    public var name: String
    public var state: AthenaWorkGroupState?
    public var configuration: AthenaWorkGroupConfiguration?
    public var description: String?
    public var creationTime: Date?

    public init(name: String, state: AthenaWorkGroupState? = nil, configuration: AthenaWorkGroupConfiguration? = nil,
                description: String? = nil, creationTime: Date? = nil) {
        self.name = name
        self.state = state
        self.configuration = configuration
        self.description = description
        self.creationTime = creationTime
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", state = "State", configuration = "Configuration", description = "Description"
        case creationTime = "CreationTime"
    }
}

public struct AthenaWorkGroupConfiguration: Sendable, Equatable, Codable {
    /// The per-query scan limit in bytes; nil when there is none.
    public var bytesScannedCutoffPerQuery: Int64?
    /// True when the workgroup's settings override the client's.
    public var enforceWorkGroupConfiguration: Bool?
    public var resultConfiguration: AthenaResultConfiguration?
    public var engineVersion: AthenaEngineVersion?

    public init(bytesScannedCutoffPerQuery: Int64? = nil, enforceWorkGroupConfiguration: Bool? = nil,
                resultConfiguration: AthenaResultConfiguration? = nil, engineVersion: AthenaEngineVersion? = nil) {
        self.bytesScannedCutoffPerQuery = bytesScannedCutoffPerQuery
        self.enforceWorkGroupConfiguration = enforceWorkGroupConfiguration
        self.resultConfiguration = resultConfiguration
        self.engineVersion = engineVersion
    }

    enum CodingKeys: String, CodingKey {
        case bytesScannedCutoffPerQuery = "BytesScannedCutoffPerQuery"
        case enforceWorkGroupConfiguration = "EnforceWorkGroupConfiguration"
        case resultConfiguration = "ResultConfiguration", engineVersion = "EngineVersion"
    }
}

/// Where and how query results are written.
public struct AthenaResultConfiguration: Sendable, Equatable, Codable {
    /// "s3://bucket/prefix/".
    public var outputLocation: String?
    public var encryptionConfiguration: AthenaEncryptionConfiguration?

    public init(outputLocation: String? = nil, encryptionConfiguration: AthenaEncryptionConfiguration? = nil) {
        self.outputLocation = outputLocation
        self.encryptionConfiguration = encryptionConfiguration
    }

    enum CodingKeys: String, CodingKey {
        case outputLocation = "OutputLocation", encryptionConfiguration = "EncryptionConfiguration"
    }
}

public struct AthenaEncryptionConfiguration: Sendable, Equatable, Codable {
    public var encryptionOption: AthenaEncryptionOption
    /// The KMS key ARN or id, for SSE_KMS and CSE_KMS.
    public var kmsKey: String?

    public init(encryptionOption: AthenaEncryptionOption, kmsKey: String? = nil) {
        self.encryptionOption = encryptionOption
        self.kmsKey = kmsKey
    }

    enum CodingKeys: String, CodingKey {
        case encryptionOption = "EncryptionOption", kmsKey = "KmsKey"
    }
}

/// A workgroup as ListWorkGroups lists it.
public struct AthenaWorkGroupSummary: Sendable, Equatable, Codable {
    public var name: String?
    public var state: AthenaWorkGroupState?
    public var description: String?
    public var creationTime: Date?
    public var engineVersion: AthenaEngineVersion?

    public init(name: String? = nil, state: AthenaWorkGroupState? = nil, description: String? = nil,
                creationTime: Date? = nil, engineVersion: AthenaEngineVersion? = nil) {
        self.name = name
        self.state = state
        self.description = description
        self.creationTime = creationTime
        self.engineVersion = engineVersion
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", state = "State", description = "Description", creationTime = "CreationTime"
        case engineVersion = "EngineVersion"
    }
}
