/// A Cost Explorer filter (`Expression` in the model): exactly one of And, Or, Not,
/// Dimensions, Tags or CostCategories, nested as deep as needed.
public indirect enum CostExpression: Sendable, Equatable, Encodable {
    case and([CostExpression])
    case or([CostExpression])
    case not(CostExpression)
    case dimensions(CostFilterValues)
    case tags(CostFilterValues)
    case costCategories(CostFilterValues)

    /// `Dimensions` with `Key` = `key` among `values`.
    public static func dimension(_ key: String, _ values: [String]) -> CostExpression {
        .dimensions(CostFilterValues(key: key, values: values))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .and(expressions): try container.encode(expressions, forKey: .and)
        case let .or(expressions): try container.encode(expressions, forKey: .or)
        case let .not(expression): try container.encode(expression, forKey: .not)
        case let .dimensions(values): try container.encode(values, forKey: .dimensions)
        case let .tags(values): try container.encode(values, forKey: .tags)
        case let .costCategories(values): try container.encode(values, forKey: .costCategories)
        }
    }

    enum CodingKeys: String, CodingKey {
        case and = "And", or = "Or", not = "Not", dimensions = "Dimensions", tags = "Tags"
        case costCategories = "CostCategories"
    }
}

/// The `{Key, Values, MatchOptions}` of a dimension, tag or cost category filter.
public struct CostFilterValues: Sendable, Equatable, Encodable {
    /// A dimension ("SERVICE", "LINKED_ACCOUNT", "USAGE_TYPE"), a tag key or a cost category name.
    public var key: String
    public var values: [String]
    /// "EQUALS", "ABSENT", "STARTS_WITH", …; nil: AWS's default (EQUALS).
    public var matchOptions: [String]?

    public init(key: String, values: [String], matchOptions: [String]? = nil) {
        self.key = key
        self.values = values
        self.matchOptions = matchOptions
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key", values = "Values", matchOptions = "MatchOptions"
    }
}
