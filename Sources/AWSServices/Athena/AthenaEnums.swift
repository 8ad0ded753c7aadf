/// `QueryExecutionStatus.State`.
public enum AthenaQueryExecutionState: AWSStringEnum {
    case queued, running, succeeded, failed, cancelled
    case unknown(String)

    public static let knownValues: [(Self, String)] = [
        (.queued, "QUEUED"), (.running, "RUNNING"), (.succeeded, "SUCCEEDED"), (.failed, "FAILED"),
        (.cancelled, "CANCELLED"),
    ]

    public var unknownRawValue: String? {
        if case let .unknown(value) = self { return value }
        return nil
    }
}

/// `QueryExecution.StatementType`.
public enum AthenaStatementType: AWSStringEnum {
    case ddl, dml, utility
    case unknown(String)

    public static let knownValues: [(Self, String)] = [(.ddl, "DDL"), (.dml, "DML"), (.utility, "UTILITY")]

    public var unknownRawValue: String? {
        if case let .unknown(value) = self { return value }
        return nil
    }
}

/// `WorkGroup.State`.
public enum AthenaWorkGroupState: AWSStringEnum {
    case enabled, disabled
    case unknown(String)

    public static let knownValues: [(Self, String)] = [(.enabled, "ENABLED"), (.disabled, "DISABLED")]

    public var unknownRawValue: String? {
        if case let .unknown(value) = self { return value }
        return nil
    }
}

/// `EncryptionConfiguration.EncryptionOption` of query results.
public enum AthenaEncryptionOption: AWSStringEnum {
    case sseS3, sseKMS, cseKMS
    case unknown(String)

    public static let knownValues: [(Self, String)] = [(.sseS3, "SSE_S3"), (.sseKMS, "SSE_KMS"), (.cseKMS, "CSE_KMS")]

    public var unknownRawValue: String? {
        if case let .unknown(value) = self { return value }
        return nil
    }
}
