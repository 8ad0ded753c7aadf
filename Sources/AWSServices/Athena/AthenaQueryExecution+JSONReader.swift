import AWSCore
import Foundation

// Athena's query executions read straight from the response bytes: a collect reads hundreds of
// thousands of them, and `JSONDecoder` costs more CPU there than the rest of the run. Each reader
// accepts what the type's `Decodable` conformance accepts (tests compare the two), and skips
// members it does not know.

extension BatchGetQueryExecutionOutput: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        var executions: [AthenaQueryExecution] = []
        var unprocessed: [AthenaUnprocessedQueryExecutionId] = []
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "QueryExecutions": executions = try reader.readArrayOrNull(of: AthenaQueryExecution.self)
            case "UnprocessedQueryExecutionIds": unprocessed = try reader.readArrayOrNull(of: AthenaUnprocessedQueryExecutionId.self)
            default: try reader.skipValue()
            }
        }
        self.init(queryExecutions: executions, unprocessedQueryExecutionIds: unprocessed)
    }
}

extension ListQueryExecutionsOutput: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        var ids: [String] = []
        var nextToken: String?
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "QueryExecutionIds": ids = try reader.readArrayOrNull(of: String.self)
            case "NextToken": nextToken = try reader.readOptionalString()
            default: try reader.skipValue()
            }
        }
        self.init(queryExecutionIds: ids, nextToken: nextToken)
    }
}

extension AthenaUnprocessedQueryExecutionId: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        self.init()
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "QueryExecutionId": queryExecutionId = try reader.readOptionalString()
            case "ErrorCode": errorCode = try reader.readOptionalString()
            case "ErrorMessage": errorMessage = try reader.readOptionalString()
            default: try reader.skipValue()
            }
        }
    }
}

extension AthenaQueryExecution: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        self.init()
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "QueryExecutionId": queryExecutionId = try reader.readOptionalString()
            case "Query": query = try reader.readOptionalString()
            case "StatementType": statementType = try reader.readOptionalString().map(AthenaStatementType.init(rawValue:))
            case "SubstatementType": substatementType = try reader.readOptionalString()
            case "WorkGroup": workGroup = try reader.readOptionalString()
            case "EngineVersion": engineVersion = try reader.readOptional(AthenaEngineVersion.self)
            case "QueryExecutionContext": queryExecutionContext = try reader.readOptional(AthenaQueryExecutionContext.self)
            case "Status": status = try reader.readOptional(AthenaQueryExecutionStatus.self)
            case "Statistics": statistics = try reader.readOptional(AthenaQueryExecutionStatistics.self)
            case "ResultConfiguration": resultConfiguration = try reader.readOptional(AthenaResultConfiguration.self)
            default: try reader.skipValue()
            }
        }
    }
}

extension AthenaEngineVersion: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        self.init()
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "SelectedEngineVersion": selectedEngineVersion = try reader.readOptionalString()
            case "EffectiveEngineVersion": effectiveEngineVersion = try reader.readOptionalString()
            default: try reader.skipValue()
            }
        }
    }
}

extension AthenaQueryExecutionContext: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        self.init()
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "Database": database = try reader.readOptionalString()
            case "Catalog": catalog = try reader.readOptionalString()
            default: try reader.skipValue()
            }
        }
    }
}

extension AthenaQueryExecutionStatus: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        self.init()
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "State": state = try reader.readOptionalString().map(AthenaQueryExecutionState.init(rawValue:))
            case "SubmissionDateTime": submissionDateTime = try reader.readOptionalDate()
            case "CompletionDateTime": completionDateTime = try reader.readOptionalDate()
            case "StateChangeReason": stateChangeReason = try reader.readOptionalString()
            case "AthenaError": athenaError = try reader.readOptional(AthenaQueryError.self)
            default: try reader.skipValue()
            }
        }
    }
}

extension AthenaQueryError: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        self.init()
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "ErrorCategory": errorCategory = try reader.readOptionalInt()
            case "ErrorType": errorType = try reader.readOptionalInt()
            case "Retryable": retryable = try reader.readOptionalBool()
            case "ErrorMessage": errorMessage = try reader.readOptionalString()
            default: try reader.skipValue()
            }
        }
    }
}

extension AthenaQueryExecutionStatistics: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        self.init()
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "EngineExecutionTimeInMillis": engineExecutionTimeInMillis = try reader.readOptionalInt64()
            case "DataScannedInBytes": dataScannedInBytes = try reader.readOptionalInt64()
            case "TotalExecutionTimeInMillis": totalExecutionTimeInMillis = try reader.readOptionalInt64()
            case "QueryQueueTimeInMillis": queryQueueTimeInMillis = try reader.readOptionalInt64()
            case "ServicePreProcessingTimeInMillis": servicePreProcessingTimeInMillis = try reader.readOptionalInt64()
            case "QueryPlanningTimeInMillis": queryPlanningTimeInMillis = try reader.readOptionalInt64()
            case "ServiceProcessingTimeInMillis": serviceProcessingTimeInMillis = try reader.readOptionalInt64()
            case "ResultReuseInformation": resultReuseInformation = try reader.readOptional(AthenaResultReuseInformation.self)
            case "DpuCount": dpuCount = try reader.readOptionalDouble()
            default: try reader.skipValue()
            }
        }
    }
}

extension AthenaResultReuseInformation: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        var reused: Bool?
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "ReusedPreviousResult": reused = try reader.readBool()
            default: try reader.skipValue()
            }
        }
        self.init(reusedPreviousResult: try reader.required(reused, "ReusedPreviousResult"))
    }
}

extension AthenaResultConfiguration: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        self.init()
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "OutputLocation": outputLocation = try reader.readOptionalString()
            case "EncryptionConfiguration": encryptionConfiguration = try reader.readOptional(AthenaEncryptionConfiguration.self)
            default: try reader.skipValue()
            }
        }
    }
}

extension AthenaEncryptionConfiguration: JSONReaderDecodable {
    public init(reading reader: inout JSONReader) throws(JSONReaderError) {
        var option: AthenaEncryptionOption?
        var kmsKey: String?
        try reader.readObject { reader, key throws(JSONReaderError) in
            switch key {
            case "EncryptionOption": option = AthenaEncryptionOption(rawValue: try reader.readString())
            case "KmsKey": kmsKey = try reader.readOptionalString()
            default: try reader.skipValue()
            }
        }
        self.init(encryptionOption: try reader.required(option, "EncryptionOption"), kmsKey: kmsKey)
    }
}
