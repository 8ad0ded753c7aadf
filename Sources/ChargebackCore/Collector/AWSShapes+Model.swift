import AWSServices
import ChargebackModel
import Foundation

/// AWS response shapes turned into the model's values: the one place that knows both.
extension AthenaExecution {
    /// Longest SQL text kept when query text is asked for, in UTF-8 bytes.
    static let queryTextLimit = 2048

    /// nil when Athena left out what identifies the execution (its id or submission time).
    init?(_ execution: AthenaQueryExecution, accountId: String, region: String, workgroup: String,
          includeQueryText: Bool) {
        guard let id = execution.queryExecutionId, let submitted = execution.status?.submissionDateTime else {
            return nil
        }
        let statistics = execution.statistics
        self.init(
            id: id, accountId: accountId, region: region, workgroup: execution.workGroup ?? workgroup,
            state: AthenaExecutionState(execution.status?.state?.rawValue ?? "UNKNOWN"), submittedAt: submitted,
            completedAt: execution.status?.completionDateTime, statementType: execution.statementType?.rawValue,
            substatementType: execution.substatementType, database: execution.queryExecutionContext?.database,
            catalog: execution.queryExecutionContext?.catalog,
            engineVersion: execution.engineVersion?.effectiveEngineVersion ?? execution.engineVersion?.selectedEngineVersion,
            dataScannedBytes: statistics?.dataScannedInBytes, engineTimeMillis: statistics?.engineExecutionTimeInMillis,
            totalTimeMillis: statistics?.totalExecutionTimeInMillis,
            reusedPreviousResult: statistics?.resultReuseInformation?.reusedPreviousResult ?? false,
            stateChangeReason: execution.status?.stateChangeReason.map { Self.cut($0, to: 1024) },
            errorMessage: execution.status?.athenaError?.errorMessage.map { Self.cut($0, to: 1024) },
            queryText: includeQueryText ? execution.query.map { Self.cut($0, to: Self.queryTextLimit) } : nil)
    }

    /// `text` cut to at most `limit` UTF-8 bytes on a character boundary.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var bytes = 0
        for character in text {
            let size = character.utf8.count
            guard bytes + size <= limit else { break }
            result.append(character)
            bytes += size
        }
        return result
    }
}

extension AthenaWorkgroup {
    init(_ workgroup: AWSServices.AthenaWorkGroup, accountId: String, region: String) {
        let configuration = workgroup.configuration
        self.init(
            accountId: accountId, region: region, name: workgroup.name, state: workgroup.state?.rawValue,
            bytesScannedCutoffPerQuery: configuration?.bytesScannedCutoffPerQuery,
            enforceConfiguration: configuration?.enforceWorkGroupConfiguration,
            resultEncryption: configuration?.resultConfiguration?.encryptionConfiguration?.encryptionOption.rawValue,
            engineVersion: configuration?.engineVersion?.effectiveEngineVersion
                ?? configuration?.engineVersion?.selectedEngineVersion)
    }
}

extension QuickDataSource {
    init?(_ source: QuickSightDataSource) {
        guard let id = source.dataSourceId, let arn = source.arn else { return nil }
        let athena = source.dataSourceParameters?.athenaParameters
        self.init(id: id, arn: arn, name: source.name, type: source.type, workgroup: athena?.workGroup,
                  roleArn: athena?.roleArn, consumerAccountRoleArn: athena?.consumerAccountRoleArn)
    }
}

extension QuickDataSet {
    init?(_ set: QuickSightDataSet) {
        guard let id = set.dataSetId else { return nil }
        self.init(id: id, arn: set.arn, name: set.name, importMode: set.importMode?.rawValue,
                  spiceBytes: max(0, set.consumedSpiceCapacityInBytes ?? 0), dataSourceArns: set.dataSourceArns)
    }
}
