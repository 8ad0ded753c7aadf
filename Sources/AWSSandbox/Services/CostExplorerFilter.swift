import Foundation

/// A Cost Explorer `Expression`: exactly one of And, Or, Not or Dimensions, evaluated
/// recursively against a cost line.
indirect enum CostExplorerFilter: Sendable {
    case and([CostExplorerFilter])
    case or([CostExplorerFilter])
    case not(CostExplorerFilter)
    /// Dimension values match exactly: GetCostAndUsage allows only EQUALS and CASE_SENSITIVE there.
    case dimension(key: String, values: [String])

    init(parsing value: Any) throws(SandboxAPIError) {
        guard let expression = value as? [String: Any] else { throw .validation("Filter expression must be an object.") }
        let operands = ["And", "Or", "Not", "Dimensions", "Tags", "CostCategories"].filter {
            expression[$0] != nil && !(expression[$0] is NSNull)
        }
        guard operands.count == 1, let operand = operands.first else {
            throw .validation("Expression must contain exactly one of And, Or, Not, Dimensions, Tags or CostCategories; it had \(operands.isEmpty ? "none" : operands.joined(separator: ", ")).")
        }
        switch operand {
        case "And", "Or":
            guard let list = expression[operand] as? [Any], list.count >= 2 else {
                throw .validation("\(operand) must be a list of at least two expressions.")
            }
            var children: [CostExplorerFilter] = []
            for child in list { children.append(try CostExplorerFilter(parsing: child)) }
            self = operand == "And" ? .and(children) : .or(children)
        case "Not":
            self = .not(try CostExplorerFilter(parsing: expression["Not"]!))
        case "Dimensions":
            guard let dimension = expression["Dimensions"] as? [String: Any], let key = dimension["Key"] as? String else {
                throw .validation("Dimensions must name a Key.")
            }
            guard CostExplorerLine.dimensions.contains(key) else {
                throw .validation("Dimension \(key) is not supported by the sandbox; use one of \(CostExplorerLine.dimensions.joined(separator: ", ")).")
            }
            guard let values = dimension["Values"] as? [String], !values.isEmpty else {
                throw .validation("Dimensions \(key) must list at least one value in Values.")
            }
            let options = try Self.matchOptions(dimension["MatchOptions"])
            for option in options where !Self.dimensionMatchOptions.contains(option) {
                throw .validation("MatchOptions \(option) is not valid for Dimensions in GetCostAndUsage; use EQUALS or CASE_SENSITIVE.")
            }
            self = .dimension(key: key, values: values)
        default:
            throw .validation("\(operand) filters are not supported by the sandbox: scenario cost lines carry no tags or cost categories.")
        }
    }

    /// GetCostAndUsage accepts only these (its defaults) on dimensions; the others are for tags
    /// and cost categories, or for other operations.
    static let dimensionMatchOptions: Set<String> = ["EQUALS", "CASE_SENSITIVE"]
    /// Every MatchOption the service model knows.
    static let knownMatchOptions: Set<String> = ["EQUALS", "ABSENT", "STARTS_WITH", "ENDS_WITH", "CONTAINS",
                                                 "CASE_SENSITIVE", "CASE_INSENSITIVE", "GREATER_THAN_OR_EQUAL"]

    private static func matchOptions(_ value: Any?) throws(SandboxAPIError) -> [String] {
        guard let value, !(value is NSNull) else { return [] }
        guard let list = value as? [Any] else { throw .validation("MatchOptions must be a list of strings.") }
        var options: [String] = []
        for item in list {
            guard let option = item as? String, knownMatchOptions.contains(option) else {
                throw .validation("MatchOptions \(item) is not a valid match option.")
            }
            options.append(option)
        }
        return options
    }

    func matches(_ line: CostExplorerLine) -> Bool {
        switch self {
        case .and(let children): children.allSatisfy { $0.matches(line) }
        case .or(let children): children.contains { $0.matches(line) }
        case .not(let child): !child.matches(line)
        case .dimension(let key, let values):
            line.value(of: key).map { values.contains($0) } ?? false
        }
    }
}
