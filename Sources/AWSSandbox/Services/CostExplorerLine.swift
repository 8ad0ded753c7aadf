import Foundation

/// A scenario cost line prepared for querying: its day as a number, its dimension values and
/// its amounts parsed into `Decimal` once.
struct CostExplorerLine: Sendable {
    static let metrics = ["AmortizedCost", "BlendedCost", "NetAmortizedCost", "NetUnblendedCost", "UnblendedCost", "UsageQuantity"]
    static let dimensions = ["SERVICE", "LINKED_ACCOUNT", "USAGE_TYPE", "RECORD_TYPE", "REGION"]

    let day: Int
    let service: String
    let usageType: String
    let recordType: String
    let region: String
    let linkedAccount: String
    let amount: Decimal
    let metricAmounts: [String: Decimal]

    /// Prepares a line, or explains why the scenario's line cannot be used.
    static func prepare(_ line: ScenarioCostLine, accountId: String) -> Result<CostExplorerLine, SandboxAPIError> {
        let subject = "scenario cost line \(line.date) \(line.service) \(line.usageType) of account \(accountId)"
        guard let day = SandboxCivilDate(parsing: line.date) else {
            return .failure(SandboxAPIError(code: "InternalServerException", message: "The \(subject) has date '\(line.date)', which is not YYYY-MM-DD; fix the scenario.", status: 500))
        }
        guard let amount = parseDecimal(line.amount) else {
            return .failure(SandboxAPIError(code: "InternalServerException", message: "The \(subject) has amount '\(line.amount)', which is not a decimal number; fix the scenario.", status: 500))
        }
        var overrides: [String: Decimal] = [:]
        for (metric, text) in line.metricAmounts {
            guard let value = parseDecimal(text) else {
                return .failure(SandboxAPIError(code: "InternalServerException", message: "The \(subject) has \(metric) '\(text)', which is not a decimal number; fix the scenario.", status: 500))
            }
            overrides[metric] = value
        }
        return .success(CostExplorerLine(
            day: day.daysSinceEpoch, service: line.service, usageType: line.usageType, recordType: line.recordType,
            region: region(ofUsageType: line.usageType), linkedAccount: accountId, amount: amount, metricAmounts: overrides))
    }

    func amount(of metric: String) -> Decimal { metricAmounts[metric] ?? amount }

    /// The value of a dimension for this line; nil for dimensions the sandbox does not model.
    func value(of dimension: String) -> String? {
        switch dimension {
        case "SERVICE": service
        case "LINKED_ACCOUNT": linkedAccount
        case "USAGE_TYPE": usageType
        case "RECORD_TYPE": recordType
        case "REGION": region
        default: nil
        }
    }

    /// AWS prefixes regional usage types with a region code ("USE1-", "EUW1-"); unprefixed ones
    /// are billed in us-east-1.
    static func region(ofUsageType usageType: String) -> String {
        guard let dash = usageType.firstIndex(of: "-") else { return "us-east-1" }
        return regionCodes[String(usageType[..<dash])] ?? "us-east-1"
    }

    private static let regionCodes = [
        "USE1": "us-east-1", "USE2": "us-east-2", "USW1": "us-west-1", "USW2": "us-west-2",
        "CAN1": "ca-central-1", "EU": "eu-west-1", "EUW1": "eu-west-1", "EUW2": "eu-west-2", "EUW3": "eu-west-3",
        "EUC1": "eu-central-1", "EUN1": "eu-north-1", "EUS1": "eu-south-1", "APN1": "ap-northeast-1",
        "APN2": "ap-northeast-2", "APS1": "ap-southeast-1", "APS2": "ap-southeast-2", "APS3": "ap-south-1",
        "SAE1": "sa-east-1",
    ]

    /// Strict decimal text ("-12.345"): `Decimal(string:)` alone accepts trailing garbage.
    static func parseDecimal(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var body = Substring(trimmed)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// AWS's amount text: plain notation, at most 10 decimals, no trailing zeros.
    static func amountText(_ value: Decimal) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 10, .plain)
        return rounded.isZero ? "0" : NSDecimalNumber(decimal: rounded).stringValue
    }
}
