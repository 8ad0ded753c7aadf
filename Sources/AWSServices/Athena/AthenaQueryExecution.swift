import Foundation

/// One Athena query execution, with what cost estimation needs (SPEC §4, §5).
public struct AthenaQueryExecution: Sendable, Equatable, Codable {
    public var queryExecutionId: String?
    public var query: String?
    public var statementType: AthenaStatementType?
    /// "SELECT", "INSERT", "CREATE_TABLE", … (free text in the model).
    public var substatementType: String?
    public var workGroup: String?
    public var engineVersion: AthenaEngineVersion?
    public var queryExecutionContext: AthenaQueryExecutionContext?
    public var status: AthenaQueryExecutionStatus?
    public var statistics: AthenaQueryExecutionStatistics?
    public var resultConfiguration: AthenaResultConfiguration?

    public init(queryExecutionId: String? = nil, query: String? = nil, statementType: AthenaStatementType? = nil,
                substatementType: String? = nil, workGroup: String? = nil, engineVersion: AthenaEngineVersion? = nil,
                queryExecutionContext: AthenaQueryExecutionContext? = nil, status: AthenaQueryExecutionStatus? = nil,
                statistics: AthenaQueryExecutionStatistics? = nil,
                resultConfiguration: AthenaResultConfiguration? = nil) {
        self.queryExecutionId = queryExecutionId
        self.query = query
        self.statementType = statementType
        self.substatementType = substatementType
        self.workGroup = workGroup
        self.engineVersion = engineVersion
        self.queryExecutionContext = queryExecutionContext
        self.status = status
        self.statistics = statistics
        self.resultConfiguration = resultConfiguration
    }

    enum CodingKeys: String, CodingKey {
        case queryExecutionId = "QueryExecutionId", query = "Query", statementType = "StatementType"
        case substatementType = "SubstatementType", workGroup = "WorkGroup", engineVersion = "EngineVersion"
        case queryExecutionContext = "QueryExecutionContext", status = "Status", statistics = "Statistics"
        case resultConfiguration = "ResultConfiguration"
    }
}

public struct AthenaEngineVersion: Sendable, Equatable, Codable {
    /// What was asked for ("AUTO", "Athena engine version 3").
    public var selectedEngineVersion: String?
    /// What actually ran.
    public var effectiveEngineVersion: String?

    public init(selectedEngineVersion: String? = nil, effectiveEngineVersion: String? = nil) {
        self.selectedEngineVersion = selectedEngineVersion
        self.effectiveEngineVersion = effectiveEngineVersion
    }

    enum CodingKeys: String, CodingKey {
        case selectedEngineVersion = "SelectedEngineVersion", effectiveEngineVersion = "EffectiveEngineVersion"
    }
}

public struct AthenaQueryExecutionContext: Sendable, Equatable, Codable {
    public var database: String?
    public var catalog: String?

    public init(database: String? = nil, catalog: String? = nil) {
        self.database = database
        self.catalog = catalog
    }

    enum CodingKeys: String, CodingKey {
        case database = "Database", catalog = "Catalog"
    }
}

public struct AthenaQueryExecutionStatus: Sendable, Equatable, Codable {
    public var state: AthenaQueryExecutionState?
    public var submissionDateTime: Date?
    public var completionDateTime: Date?
    public var stateChangeReason: String?
    public var athenaError: AthenaQueryError?

    public init(state: AthenaQueryExecutionState? = nil, submissionDateTime: Date? = nil,
                completionDateTime: Date? = nil, stateChangeReason: String? = nil,
                athenaError: AthenaQueryError? = nil) {
        self.state = state
        self.submissionDateTime = submissionDateTime
        self.completionDateTime = completionDateTime
        self.stateChangeReason = stateChangeReason
        self.athenaError = athenaError
    }

    enum CodingKeys: String, CodingKey {
        case state = "State", submissionDateTime = "SubmissionDateTime", completionDateTime = "CompletionDateTime"
        case stateChangeReason = "StateChangeReason", athenaError = "AthenaError"
    }
}

/// Why a query failed (`QueryExecutionStatus.AthenaError`): data, not a Swift error.
public struct AthenaQueryError: Sendable, Equatable, Codable {
    /// 1 system, 2 user, 3 other.
    public var errorCategory: Int?
    public var errorType: Int?
    public var retryable: Bool?
    public var errorMessage: String?

    public init(errorCategory: Int? = nil, errorType: Int? = nil, retryable: Bool? = nil, errorMessage: String? = nil) {
        self.errorCategory = errorCategory
        self.errorType = errorType
        self.retryable = retryable
        self.errorMessage = errorMessage
    }

    enum CodingKeys: String, CodingKey {
        case errorCategory = "ErrorCategory", errorType = "ErrorType", retryable = "Retryable"
        case errorMessage = "ErrorMessage"
    }
}

public struct AthenaQueryExecutionStatistics: Sendable, Equatable, Codable {
    public var engineExecutionTimeInMillis: Int64?
    /// What Athena bills for (before its 10 MB minimum and MB rounding).
    public var dataScannedInBytes: Int64?
    public var totalExecutionTimeInMillis: Int64?
    public var queryQueueTimeInMillis: Int64?
    public var servicePreProcessingTimeInMillis: Int64?
    public var queryPlanningTimeInMillis: Int64?
    public var serviceProcessingTimeInMillis: Int64?
    public var resultReuseInformation: AthenaResultReuseInformation?
    /// DPUs used, on capacity-reservation workgroups.
    public var dpuCount: Double?

    public init(engineExecutionTimeInMillis: Int64? = nil, dataScannedInBytes: Int64? = nil,
                totalExecutionTimeInMillis: Int64? = nil, queryQueueTimeInMillis: Int64? = nil,
                servicePreProcessingTimeInMillis: Int64? = nil, queryPlanningTimeInMillis: Int64? = nil,
                serviceProcessingTimeInMillis: Int64? = nil,
                resultReuseInformation: AthenaResultReuseInformation? = nil, dpuCount: Double? = nil) {
        self.engineExecutionTimeInMillis = engineExecutionTimeInMillis
        self.dataScannedInBytes = dataScannedInBytes
        self.totalExecutionTimeInMillis = totalExecutionTimeInMillis
        self.queryQueueTimeInMillis = queryQueueTimeInMillis
        self.servicePreProcessingTimeInMillis = servicePreProcessingTimeInMillis
        self.queryPlanningTimeInMillis = queryPlanningTimeInMillis
        self.serviceProcessingTimeInMillis = serviceProcessingTimeInMillis
        self.resultReuseInformation = resultReuseInformation
        self.dpuCount = dpuCount
    }

    enum CodingKeys: String, CodingKey {
        case engineExecutionTimeInMillis = "EngineExecutionTimeInMillis", dataScannedInBytes = "DataScannedInBytes"
        case totalExecutionTimeInMillis = "TotalExecutionTimeInMillis", queryQueueTimeInMillis = "QueryQueueTimeInMillis"
        case servicePreProcessingTimeInMillis = "ServicePreProcessingTimeInMillis"
        case queryPlanningTimeInMillis = "QueryPlanningTimeInMillis"
        case serviceProcessingTimeInMillis = "ServiceProcessingTimeInMillis"
        case resultReuseInformation = "ResultReuseInformation", dpuCount = "DpuCount"
    }
}

public struct AthenaResultReuseInformation: Sendable, Equatable, Codable {
    /// True when Athena answered from a previous result: nothing scanned, nothing billed.
    public var reusedPreviousResult: Bool

    public init(reusedPreviousResult: Bool) {
        self.reusedPreviousResult = reusedPreviousResult
    }

    enum CodingKeys: String, CodingKey {
        case reusedPreviousResult = "ReusedPreviousResult"
    }
}
