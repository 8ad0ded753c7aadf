/// A string enumeration from an AWS model that must keep decoding when AWS adds a value:
/// known values get their own case, anything else lands in an `unknown(String)` case.
public protocol AWSStringEnum: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The known cases with their wire values.
    static var knownValues: [(Self, String)] { get }
    /// Wraps a value this code does not know yet.
    static func unknown(_ rawValue: String) -> Self
    /// The wrapped value when this is the `unknown` case, nil otherwise.
    var unknownRawValue: String? { get }
}

extension AWSStringEnum {
    public init(rawValue: String) {
        self = Self.knownValues.first { $0.1 == rawValue }?.0 ?? Self.unknown(rawValue)
    }

    /// The wire value (the model's spelling, e.g. "SUCCEEDED").
    public var rawValue: String {
        if let unknownRawValue { return unknownRawValue }
        return Self.knownValues.first { $0.0 == self }?.1 ?? ""
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
