import Foundation

/// Renders workgroups and query executions in Athena's JSON 1.1 shapes.
struct AthenaWireRenderer {
    let store: AthenaExecutionStore
    let accountId: String
    /// The sandbox data clock: an execution not yet finished at this time shows as QUEUED or RUNNING.
    let nowMillis: Int64

    /// Workgroups have no creation time in a scenario; a fixed one keeps answers stable.
    static let workgroupCreationMillis: Int64 = 1_672_574_400_000

    static func engineVersion(_ name: String) -> WireJSON {
        .object([("SelectedEngineVersion", .string(name)), ("EffectiveEngineVersion", .string(name))])
    }

    func workgroupSummary(_ workgroup: ScenarioWorkgroup) -> WireJSON {
        .object([
            ("Name", .string(workgroup.name)),
            ("State", .string(workgroup.state)),
            ("Description", .string(Self.description(of: workgroup))),
            ("CreationTime", .timestamp(millis: Self.workgroupCreationMillis)),
            ("EngineVersion", Self.engineVersion(workgroup.engineVersion)),
        ])
    }

    func workgroup(_ workgroup: ScenarioWorkgroup) -> WireJSON {
        let configuration = WireJSON.members([
            ("ResultConfiguration", resultConfiguration(workgroup: workgroup, executionId: nil)),
            ("EnforceWorkGroupConfiguration", .bool(workgroup.enforceWorkGroupConfiguration)),
            ("PublishCloudWatchMetricsEnabled", .bool(true)),
            ("BytesScannedCutoffPerQuery", workgroup.bytesScannedCutoffPerQuery.map { .integer($0) }),
            ("RequesterPaysEnabled", .bool(false)),
            ("EngineVersion", Self.engineVersion(workgroup.engineVersion)),
        ])
        return .object([
            ("Name", .string(workgroup.name)),
            ("State", .string(workgroup.state)),
            ("Configuration", configuration),
            ("Description", .string(Self.description(of: workgroup))),
            ("CreationTime", .timestamp(millis: Self.workgroupCreationMillis)),
        ])
    }

    func queryExecution(_ finalRecord: AthenaExecutionRecord, workgroup: ScenarioWorkgroup?) -> WireJSON {
        let progress = AthenaExecutionProgress(finalRecord, timings: Timings(finalRecord), nowMillis: nowMillis)
        let record = progress.record
        let slot = store.slots[Int(record.slot)]
        let id = store.idText(record)
        let explicit = record.isGenerated ? nil : store.explicitExecutions[Int(record.explicitIndex)]
        let template = AthenaQueryTemplate.all[Int(record.template) % AthenaQueryTemplate.all.count]
        let query = explicit?.query ?? template.query(for: record.statement)
        let database = explicit?.database ?? template.database
        let timings = progress.timings
        let engineVersion = workgroup?.engineVersion ?? "Athena engine version 3"

        var status: [(String, WireJSON?)] = [
            ("State", .string(record.state.wireName)),
            ("SubmissionDateTime", .timestamp(millis: record.submittedMillis)),
        ]
        if record.state != .queued && record.state != .running {
            status.append(("CompletionDateTime", .timestamp(millis: record.submittedMillis + timings.total)))
        }
        switch record.state {
        case .failed:
            let message = "COLUMN_NOT_FOUND: line 1:8: Column 'amount_usd' cannot be resolved"
            status.append(("StateChangeReason", .string(message)))
            status.append(("AthenaError", .object([
                ("ErrorCategory", .integer(2)), ("ErrorType", .integer(1006)),
                ("Retryable", .bool(false)), ("ErrorMessage", .string(message)),
            ])))
        case .cancelled:
            status.append(("StateChangeReason", .string("Query cancelled by user")))
        default:
            break
        }

        let statistics = WireJSON.object([
            ("EngineExecutionTimeInMillis", .integer(Int64(record.engineMillis))),
            ("DataScannedInBytes", .integer(record.dataScannedBytes)),
            ("TotalExecutionTimeInMillis", .integer(timings.total)),
            ("QueryQueueTimeInMillis", .integer(timings.queue)),
            ("ServicePreProcessingTimeInMillis", .integer(timings.preProcessing)),
            ("QueryPlanningTimeInMillis", .integer(timings.planning)),
            ("ServiceProcessingTimeInMillis", .integer(timings.serviceProcessing)),
            ("ResultReuseInformation", .object([("ReusedPreviousResult", .bool(record.reusedPreviousResult))])),
        ])

        return .members([
            ("QueryExecutionId", .string(id)),
            ("Query", .string(query)),
            ("StatementType", .string(record.statement.wireName)),
            ("SubstatementType", .string(template.substatement(for: record.statement))),
            ("ResultConfiguration", resultConfiguration(workgroup: workgroup, executionId: id, region: slot.region, name: slot.workgroup)),
            ("ResultReuseConfiguration", .object([("ResultReuseByAgeConfiguration", .object([
                ("Enabled", .bool(record.reusedPreviousResult)), ("MaxAgeInMinutes", .integer(60)),
            ]))])),
            ("QueryExecutionContext", .object([("Database", .string(database)), ("Catalog", .string("AwsDataCatalog"))])),
            ("Status", .members(status)),
            ("Statistics", statistics),
            ("WorkGroup", .string(slot.workgroup)),
            ("EngineVersion", Self.engineVersion(engineVersion)),
        ])
    }

    private func resultConfiguration(workgroup: ScenarioWorkgroup?, executionId: String?,
                                     region: String? = nil, name: String? = nil) -> WireJSON {
        let region = region ?? workgroup?.region ?? "us-east-1"
        let name = name ?? workgroup?.name ?? "primary"
        let folder = "s3://aws-athena-query-results-\(accountId)-\(region)/\(name)/"
        let location = executionId.map { folder + $0 + ".csv" } ?? folder
        let encryption = workgroup?.resultEncryption.map { option -> WireJSON in
            option.hasSuffix("KMS")
                ? .object([("EncryptionOption", .string(option)),
                           ("KmsKey", .string("arn:aws:kms:\(region):\(accountId):alias/athena-results"))])
                : .object([("EncryptionOption", .string(option))])
        }
        return .members([("OutputLocation", .string(location)), ("EncryptionConfiguration", encryption)])
    }

    private static func description(of workgroup: ScenarioWorkgroup) -> String {
        workgroup.name == "primary" ? "Default workgroup" : "Workgroup \(workgroup.name)"
    }

    /// Phase timings derived from the id bits, so they are stable and add up:
    /// total = queue + pre-processing + engine + service processing, planning ≤ engine.
    struct Timings {
        var queue: Int64
        var preProcessing: Int64
        var planning: Int64
        var serviceProcessing: Int64
        var total: Int64

        init(_ record: AthenaExecutionRecord) {
            let bits = ScenarioRandom.mix(record.idLow ^ record.idHigh)
            let engine = Int64(record.engineMillis)
            queue = record.queueMillis > 0 ? Int64(record.queueMillis) : 40 + Int64(bits % 400)
            preProcessing = 15 + Int64((bits >> 12) % 120)
            planning = min(engine, 30 + Int64((bits >> 24) % 600))
            serviceProcessing = 10 + Int64((bits >> 36) % 200)
            total = queue + preProcessing + engine + serviceProcessing
        }
    }
}
