import Foundation

/// Everything the sandbox serves: accounts with their users, roles, Athena, costs and Quick
/// resources, and the clock's starting point. Decoded from YAML (snake_case keys) or built
/// in code (`--sample`, `--synthetic`).
public struct Scenario: Sendable, Codable, Equatable {
    /// The sandbox clock's starting time (UTC). Defaults to the real time when absent.
    public var clock: Date?
    /// Cost Explorer marks the previous month Estimated until this day of the current month.
    public var costCloseDay: Int
    public var accounts: [ScenarioAccount]

    public init(clock: Date? = nil, costCloseDay: Int = 5, accounts: [ScenarioAccount] = []) {
        self.clock = clock
        self.costCloseDay = costCloseDay
        self.accounts = accounts
    }

    enum CodingKeys: String, CodingKey {
        case clock
        case costCloseDay = "cost_close_day"
        case accounts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clock = try container.decodeIfPresent(Date.self, forKey: .clock)
        costCloseDay = try container.decode(.costCloseDay, default: 5)
        accounts = try container.decode(.accounts, default: [])
    }

    public func account(_ id: String) -> ScenarioAccount? { accounts.first { $0.id == id } }
}

public struct ScenarioAccount: Sendable, Codable, Equatable {
    /// 12 digits.
    public var id: String
    public var name: String
    /// IAM users with long-term keys (the reporter's base credentials).
    public var users: [ScenarioUser]
    public var roles: [ScenarioRole]
    public var workgroups: [ScenarioWorkgroup]
    /// Explicit executions (tests) …
    public var queryExecutions: [ScenarioQueryExecution]
    /// … and generators that expand into many (demo, benchmarks).
    public var queryGenerators: [ScenarioQueryGenerator]
    public var costLines: [ScenarioCostLine]
    /// The unit Cost Explorer states this account's cost amounts in ("USD" unless set).
    public var currency: String
    public var quickDataSources: [ScenarioQuickDataSource]
    public var quickDataSets: [ScenarioQuickDataSet]

    public init(id: String, name: String, users: [ScenarioUser] = [], roles: [ScenarioRole] = [],
                workgroups: [ScenarioWorkgroup] = [], queryExecutions: [ScenarioQueryExecution] = [],
                queryGenerators: [ScenarioQueryGenerator] = [], costLines: [ScenarioCostLine] = [], currency: String = "USD",
                quickDataSources: [ScenarioQuickDataSource] = [], quickDataSets: [ScenarioQuickDataSet] = []) {
        self.id = id
        self.name = name
        self.users = users
        self.roles = roles
        self.workgroups = workgroups
        self.queryExecutions = queryExecutions
        self.queryGenerators = queryGenerators
        self.costLines = costLines
        self.currency = currency
        self.quickDataSources = quickDataSources
        self.quickDataSets = quickDataSets
    }

    enum CodingKeys: String, CodingKey {
        case id, name, users, roles, workgroups, currency
        case queryExecutions = "query_executions"
        case queryGenerators = "query_generators"
        case costLines = "cost_lines"
        case quickDataSources = "quick_data_sources"
        case quickDataSets = "quick_data_sets"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(.name, default: id)
        users = try c.decode(.users, default: [])
        roles = try c.decode(.roles, default: [])
        workgroups = try c.decode(.workgroups, default: [])
        queryExecutions = try c.decode(.queryExecutions, default: [])
        queryGenerators = try c.decode(.queryGenerators, default: [])
        costLines = try c.decode(.costLines, default: [])
        currency = try c.decode(.currency, default: "USD")
        quickDataSources = try c.decode(.quickDataSources, default: [])
        quickDataSets = try c.decode(.quickDataSets, default: [])
    }
}

public struct ScenarioUser: Sendable, Codable, Equatable {
    public var name: String
    public var accessKeyId: String
    public var secretAccessKey: String

    public init(name: String, accessKeyId: String, secretAccessKey: String) {
        self.name = name
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
    }

    enum CodingKeys: String, CodingKey {
        case name
        case accessKeyId = "access_key_id"
        case secretAccessKey = "secret_access_key"
    }
}

/// An IAM role: who may assume it (its trust policy) and what its sessions may do.
public struct ScenarioRole: Sendable, Codable, Equatable {
    public var name: String
    /// Principals trusted to assume the role: account root ARNs ("arn:aws:iam::111111111111:root"),
    /// role ARNs, user ARNs, or "*".
    public var trustedPrincipals: [String]
    /// `sts:ExternalId` condition, StringEquals: one of these must be sent. Empty: no condition.
    public var externalIdEquals: [String]
    /// `sts:ExternalId` condition, StringLike (`*` and `?` wildcards).
    public var externalIdLike: [String]
    /// Role ARNs this role's sessions may assume (patterns with `*`); empty: none.
    public var mayAssume: [String]
    /// API actions its sessions may call ("athena:*", "ce:GetCostAndUsage", "*"). Default "*".
    public var allowedActions: [String]
    /// The role's maximum session duration in seconds (3600–43200).
    public var maxSessionDuration: Int

    public init(name: String, trustedPrincipals: [String], externalIdEquals: [String] = [], externalIdLike: [String] = [],
                mayAssume: [String] = [], allowedActions: [String] = ["*"], maxSessionDuration: Int = 3600) {
        self.name = name
        self.trustedPrincipals = trustedPrincipals
        self.externalIdEquals = externalIdEquals
        self.externalIdLike = externalIdLike
        self.mayAssume = mayAssume
        self.allowedActions = allowedActions
        self.maxSessionDuration = maxSessionDuration
    }

    enum CodingKeys: String, CodingKey {
        case name
        case trustedPrincipals = "trusted_principals"
        case externalIdEquals = "external_id_equals"
        case externalIdLike = "external_id_like"
        case mayAssume = "may_assume"
        case allowedActions = "allowed_actions"
        case maxSessionDuration = "max_session_duration"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        trustedPrincipals = try c.decode(.trustedPrincipals, default: [])
        externalIdEquals = try c.decode(.externalIdEquals, default: [])
        externalIdLike = try c.decode(.externalIdLike, default: [])
        mayAssume = try c.decode(.mayAssume, default: [])
        allowedActions = try c.decode(.allowedActions, default: ["*"])
        maxSessionDuration = try c.decode(.maxSessionDuration, default: 3600)
    }
}

public struct ScenarioWorkgroup: Sendable, Codable, Equatable {
    public var name: String
    public var region: String
    /// Per-query scan limit in bytes; nil: none.
    public var bytesScannedCutoffPerQuery: Int64?
    public var enforceWorkGroupConfiguration: Bool
    /// "SSE_S3", "SSE_KMS", "CSE_KMS"; nil: results not encrypted.
    public var resultEncryption: String?
    public var engineVersion: String
    public var state: String

    public init(name: String, region: String, bytesScannedCutoffPerQuery: Int64? = nil,
                enforceWorkGroupConfiguration: Bool = true, resultEncryption: String? = "SSE_S3",
                engineVersion: String = "Athena engine version 3", state: String = "ENABLED") {
        self.name = name
        self.region = region
        self.bytesScannedCutoffPerQuery = bytesScannedCutoffPerQuery
        self.enforceWorkGroupConfiguration = enforceWorkGroupConfiguration
        self.resultEncryption = resultEncryption
        self.engineVersion = engineVersion
        self.state = state
    }

    enum CodingKeys: String, CodingKey {
        case name, region, state
        case bytesScannedCutoffPerQuery = "bytes_scanned_cutoff_per_query"
        case enforceWorkGroupConfiguration = "enforce_workgroup_configuration"
        case resultEncryption = "result_encryption"
        case engineVersion = "engine_version"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        region = try c.decode(.region, default: "us-east-1")
        bytesScannedCutoffPerQuery = try c.decodeIfPresent(Int64.self, forKey: .bytesScannedCutoffPerQuery)
        enforceWorkGroupConfiguration = try c.decode(.enforceWorkGroupConfiguration, default: true)
        resultEncryption = try c.decodeIfPresent(String.self, forKey: .resultEncryption)
        engineVersion = try c.decode(.engineVersion, default: "Athena engine version 3")
        state = try c.decode(.state, default: "ENABLED")
    }
}

/// One Athena query execution, as the tests state it.
public struct ScenarioQueryExecution: Sendable, Codable, Equatable {
    public var id: String
    public var workgroup: String
    public var region: String
    public var submitted: Date
    /// QUEUED | RUNNING | SUCCEEDED | FAILED | CANCELLED
    public var state: String
    /// DDL | DML | UTILITY
    public var statementType: String
    public var dataScannedBytes: Int64
    public var engineTimeMillis: Int64
    public var reusedPreviousResult: Bool
    public var database: String
    public var query: String

    public init(id: String, workgroup: String, region: String = "us-east-1", submitted: Date, state: String = "SUCCEEDED",
                statementType: String = "DML", dataScannedBytes: Int64 = 0, engineTimeMillis: Int64 = 1000,
                reusedPreviousResult: Bool = false, database: String = "default", query: String = "SELECT 1") {
        self.id = id
        self.workgroup = workgroup
        self.region = region
        self.submitted = submitted
        self.state = state
        self.statementType = statementType
        self.dataScannedBytes = dataScannedBytes
        self.engineTimeMillis = engineTimeMillis
        self.reusedPreviousResult = reusedPreviousResult
        self.database = database
        self.query = query
    }

    enum CodingKeys: String, CodingKey {
        case id, workgroup, region, submitted, state, database, query
        case statementType = "statement_type"
        case dataScannedBytes = "data_scanned_bytes"
        case engineTimeMillis = "engine_time_ms"
        case reusedPreviousResult = "reused_previous_result"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        workgroup = try c.decode(.workgroup, default: "primary")
        region = try c.decode(.region, default: "us-east-1")
        submitted = try c.decode(Date.self, forKey: .submitted)
        state = try c.decode(.state, default: "SUCCEEDED")
        statementType = try c.decode(.statementType, default: "DML")
        dataScannedBytes = try c.decode(.dataScannedBytes, default: 0)
        engineTimeMillis = try c.decode(.engineTimeMillis, default: 1000)
        reusedPreviousResult = try c.decode(.reusedPreviousResult, default: false)
        database = try c.decode(.database, default: "default")
        query = try c.decode(.query, default: "SELECT 1")
    }
}

/// Generates `count` executions in a workgroup, spread evenly between `from` and `to`, with a
/// deterministic mix of states and sizes drawn from `seed`.
public struct ScenarioQueryGenerator: Sendable, Codable, Equatable {
    public var workgroup: String
    public var region: String
    public var count: Int
    public var from: Date
    public var to: Date
    public var seed: UInt64
    /// Mean bytes scanned by a DML query.
    public var meanBytes: Int64
    /// Fractions of the mix (the rest SUCCEEDED DML).
    public var ddlFraction: Double
    public var failedFraction: Double
    public var cancelledFraction: Double
    public var reusedFraction: Double
    public var smallFraction: Double

    public init(workgroup: String, region: String = "us-east-1", count: Int, from: Date, to: Date, seed: UInt64 = 1,
                meanBytes: Int64 = 2_000_000_000, ddlFraction: Double = 0.05, failedFraction: Double = 0.05,
                cancelledFraction: Double = 0.03, reusedFraction: Double = 0.05, smallFraction: Double = 0.1) {
        self.workgroup = workgroup
        self.region = region
        self.count = count
        self.from = from
        self.to = to
        self.seed = seed
        self.meanBytes = meanBytes
        self.ddlFraction = ddlFraction
        self.failedFraction = failedFraction
        self.cancelledFraction = cancelledFraction
        self.reusedFraction = reusedFraction
        self.smallFraction = smallFraction
    }

    enum CodingKeys: String, CodingKey {
        case workgroup, region, count, from, to, seed
        case meanBytes = "mean_bytes"
        case ddlFraction = "ddl_fraction"
        case failedFraction = "failed_fraction"
        case cancelledFraction = "cancelled_fraction"
        case reusedFraction = "reused_fraction"
        case smallFraction = "small_fraction"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        workgroup = try c.decode(String.self, forKey: .workgroup)
        region = try c.decode(.region, default: "us-east-1")
        count = try c.decode(Int.self, forKey: .count)
        from = try c.decode(Date.self, forKey: .from)
        to = try c.decode(Date.self, forKey: .to)
        seed = try c.decode(.seed, default: 1)
        meanBytes = try c.decode(.meanBytes, default: 2_000_000_000)
        ddlFraction = try c.decode(.ddlFraction, default: 0.05)
        failedFraction = try c.decode(.failedFraction, default: 0.05)
        cancelledFraction = try c.decode(.cancelledFraction, default: 0.03)
        reusedFraction = try c.decode(.reusedFraction, default: 0.05)
        smallFraction = try c.decode(.smallFraction, default: 0.1)
    }
}

/// One line of the bill: a day's cost of one usage type of one service in this account, with
/// its own amount per Cost Explorer metric.
public struct ScenarioCostLine: Sendable, Codable, Equatable {
    /// The metrics a line can state, with the snake_case YAML key of each.
    public static let metricKeys: [(metric: String, key: String)] = [
        ("UnblendedCost", "unblended_cost"), ("NetUnblendedCost", "net_unblended_cost"),
        ("AmortizedCost", "amortized_cost"), ("NetAmortizedCost", "net_amortized_cost"),
        ("BlendedCost", "blended_cost"), ("UsageQuantity", "usage_quantity"),
    ]

    /// "YYYY-MM-DD" (UTC day).
    public var date: String
    public var service: String
    public var usageType: String
    /// Decimal text, e.g. "12.345678". Used for every metric the line does not state itself.
    public var amount: String
    /// RECORD_TYPE dimension: Usage, Credit, Refund, Tax, SavingsPlanCoveredUsage, …
    public var recordType: String
    /// Per-metric amounts as decimal text: {"AmortizedCost": "…", "UsageQuantity": "…"}.
    public var metricAmounts: [String: String]

    public init(date: String, service: String, usageType: String, amount: String, recordType: String = "Usage",
                metricAmounts: [String: String] = [:]) {
        self.date = date
        self.service = service
        self.usageType = usageType
        self.amount = amount
        self.recordType = recordType
        self.metricAmounts = metricAmounts
    }

    /// The line's text for `metric`: its own amount, else `amount`.
    public func amountText(for metric: String) -> String { metricAmounts[metric] ?? amount }

    /// The line's amount in `metric` (zero when the scenario's text is not a decimal number,
    /// which the sandbox refuses to serve anyway).
    public func amount(for metric: String) -> Decimal {
        CostExplorerLine.parseDecimal(amountText(for: metric)) ?? 0
    }

    enum CodingKeys: String, CodingKey {
        case date, service, amount
        case usageType = "usage_type"
        case recordType = "record_type"
        case metricAmounts = "metric_amounts"
    }

    private struct MetricKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(String.self, forKey: .date)
        service = try c.decode(String.self, forKey: .service)
        usageType = try c.decode(String.self, forKey: .usageType)
        recordType = try c.decode(.recordType, default: "Usage")
        // A bare YAML number (`amount: 12.5`) decodes as its own text, so no amount passes through Double.
        var amounts: [String: String] = try c.decode(.metricAmounts, default: [:])
        let perMetric = try decoder.container(keyedBy: MetricKey.self)
        for (metric, key) in Self.metricKeys {
            if let text = try perMetric.decodeIfPresent(String.self, forKey: MetricKey(stringValue: key)) { amounts[metric] = text }
        }
        metricAmounts = amounts
        // `amount` may be left out when the line states its unblended cost.
        if let text = try c.decodeIfPresent(String.self, forKey: .amount) {
            amount = text
        } else if let unblended = amounts["UnblendedCost"] {
            amount = unblended
        } else {
            throw DecodingError.keyNotFound(CodingKeys.amount, DecodingError.Context(
                codingPath: c.codingPath, debugDescription: "A cost line needs amount (or unblended_cost)."))
        }
    }
}

/// A QuickSight data source in this (central) account.
public struct ScenarioQuickDataSource: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    /// ATHENA, S3, …
    public var type: String
    public var region: String
    public var workgroup: String?
    /// Role A (RunAsRole), when the data source names one.
    public var roleArn: String?
    /// Role B in the consumer account.
    public var consumerAccountRoleArn: String?

    public init(id: String, name: String, type: String = "ATHENA", region: String = "us-east-1", workgroup: String? = nil,
                roleArn: String? = nil, consumerAccountRoleArn: String? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.region = region
        self.workgroup = workgroup
        self.roleArn = roleArn
        self.consumerAccountRoleArn = consumerAccountRoleArn
    }

    enum CodingKeys: String, CodingKey {
        case id, name, type, region, workgroup
        case roleArn = "role_arn"
        case consumerAccountRoleArn = "consumer_account_role_arn"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(.name, default: id)
        type = try c.decode(.type, default: "ATHENA")
        region = try c.decode(.region, default: "us-east-1")
        workgroup = try c.decodeIfPresent(String.self, forKey: .workgroup)
        roleArn = try c.decodeIfPresent(String.self, forKey: .roleArn)
        consumerAccountRoleArn = try c.decodeIfPresent(String.self, forKey: .consumerAccountRoleArn)
    }
}

/// A QuickSight dataset: SPICE or direct query, over tables of one or more data sources.
public struct ScenarioQuickDataSet: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var region: String
    /// SPICE | DIRECT_QUERY
    public var importMode: String
    public var spiceBytes: Int64
    /// Ids of this account's data sources its physical tables read.
    public var dataSourceIds: [String]

    public init(id: String, name: String, region: String = "us-east-1", importMode: String = "SPICE", spiceBytes: Int64 = 0,
                dataSourceIds: [String]) {
        self.id = id
        self.name = name
        self.region = region
        self.importMode = importMode
        self.spiceBytes = spiceBytes
        self.dataSourceIds = dataSourceIds
    }

    enum CodingKeys: String, CodingKey {
        case id, name, region
        case importMode = "import_mode"
        case spiceBytes = "spice_bytes"
        case dataSourceIds = "data_source_ids"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(.name, default: id)
        region = try c.decode(.region, default: "us-east-1")
        importMode = try c.decode(.importMode, default: "SPICE")
        spiceBytes = try c.decode(.spiceBytes, default: 0)
        dataSourceIds = try c.decode(.dataSourceIds, default: [])
    }
}
