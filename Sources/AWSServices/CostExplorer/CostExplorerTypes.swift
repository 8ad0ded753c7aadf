import Foundation

/// `Granularity`.
public enum CostGranularity: String, Sendable, Equatable, Encodable {
    case daily = "DAILY", monthly = "MONTHLY", hourly = "HOURLY"
}

/// A date range as Cost Explorer takes it: "YYYY-MM-DD" strings, `end` exclusive.
public struct CostDateInterval: Sendable, Equatable, Codable {
    public var start: String
    public var end: String

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }

    enum CodingKeys: String, CodingKey {
        case start = "Start", end = "End"
    }
}

/// `GroupDefinition.Type`.
public enum CostGroupDefinitionType: AWSStringEnum {
    case dimension, tag, costCategory
    case unknown(String)

    public static let knownValues: [(Self, String)] = [
        (.dimension, "DIMENSION"), (.tag, "TAG"), (.costCategory, "COST_CATEGORY"),
    ]

    public var unknownRawValue: String? {
        if case let .unknown(value) = self { return value }
        return nil
    }
}

/// How results are grouped: by a dimension ("SERVICE", "USAGE_TYPE"), a tag or a cost category.
public struct CostGroupDefinition: Sendable, Equatable, Codable {
    public var type: CostGroupDefinitionType
    public var key: String

    public init(type: CostGroupDefinitionType, key: String) {
        self.type = type
        self.key = key
    }

    public static func dimension(_ key: String) -> CostGroupDefinition { .init(type: .dimension, key: key) }

    enum CodingKeys: String, CodingKey {
        case type = "Type", key = "Key"
    }
}

/// An amount as Cost Explorer sends it: a decimal string, kept verbatim.
public struct MetricValue: Sendable, Equatable, Decodable {
    /// Exactly the text AWS sent ("12.3456789012").
    public var amount: String?
    /// "USD".
    public var unit: String?

    public init(amount: String?, unit: String?) {
        self.amount = amount
        self.unit = unit
    }

    /// The amount parsed without going through floating point; nil when absent or not a plain
    /// decimal number.
    public var decimalAmount: Decimal? {
        guard let amount, Self.isDecimalNumber(amount) else { return nil }
        return Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// `-?digits[.digits][e±digits]`: `Decimal(string:)` alone would accept "12abc" as 12.
    static func isDecimalNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let integer = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(integer.count)
        var fraction = Substring()
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(fraction.count)
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return false }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
            let exponent = rest.prefix { $0.isASCII && $0.isNumber }
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }

    enum CodingKeys: String, CodingKey {
        case amount = "Amount", unit = "Unit"
    }
}

/// One time period of results.
public struct CostResultByTime: Sendable, Equatable, Decodable {
    public var timePeriod: CostDateInterval?
    /// Metric name → value; empty when the request groups results.
    public var total: [String: MetricValue]
    public var groups: [CostGroup]
    /// True while the period's costs are not final.
    public var estimated: Bool?

    public init(timePeriod: CostDateInterval?, total: [String: MetricValue] = [:], groups: [CostGroup] = [],
                estimated: Bool? = nil) {
        self.timePeriod = timePeriod
        self.total = total
        self.groups = groups
        self.estimated = estimated
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timePeriod = try container.decodeIfPresent(CostDateInterval.self, forKey: .timePeriod)
        total = try container.decodeIfPresent([String: MetricValue].self, forKey: .total) ?? [:]
        groups = try container.decodeIfPresent([CostGroup].self, forKey: .groups) ?? []
        estimated = try container.decodeIfPresent(Bool.self, forKey: .estimated)
    }

    enum CodingKeys: String, CodingKey {
        case timePeriod = "TimePeriod", total = "Total", groups = "Groups", estimated = "Estimated"
    }
}

public struct CostGroup: Sendable, Equatable, Decodable {
    /// One key per group definition, in the order of `GroupBy` ("Amazon Athena", "USE1-DataScannedInTB").
    public var keys: [String]
    public var metrics: [String: MetricValue]

    public init(keys: [String], metrics: [String: MetricValue]) {
        self.keys = keys
        self.metrics = metrics
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keys = try container.decodeIfPresent([String].self, forKey: .keys) ?? []
        metrics = try container.decodeIfPresent([String: MetricValue].self, forKey: .metrics) ?? [:]
    }

    enum CodingKeys: String, CodingKey {
        case keys = "Keys", metrics = "Metrics"
    }
}

/// Attributes of a dimension value (for LINKED_ACCOUNT: the account's description).
public struct CostDimensionValueAttributes: Sendable, Equatable, Decodable {
    public var value: String?
    public var attributes: [String: String]

    public init(value: String?, attributes: [String: String] = [:]) {
        self.value = value
        self.attributes = attributes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decodeIfPresent(String.self, forKey: .value)
        attributes = try container.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
    }

    enum CodingKeys: String, CodingKey {
        case value = "Value", attributes = "Attributes"
    }
}
