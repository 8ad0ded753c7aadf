import Foundation

/// Which faults the sandbox injects, parsed from `--faults` text such as
/// `latency=20ms,error_rate=0.05,throttle_rate=0.1,deny_account=333333333333,seed=42`.
public struct FaultPlan: Sendable, Equatable {
    /// Added before every API answer.
    public var latency: Duration = .zero
    /// Fraction of calls answered 500 InternalFailure or 503 ServiceUnavailable.
    public var errorRate: Double = 0
    /// Fraction of calls that start a throttling storm.
    public var throttleRate: Double = 0
    /// How many consecutive calls one storm throttles (1: isolated throttles).
    public var throttleBurst: Int = 1
    /// Fraction of calls whose connection is closed without an answer.
    public var resetRate: Double = 0
    /// Fraction of answers cut short: Content-Length promises more bytes than are sent.
    public var truncateRate: Double = 0
    /// Fraction of answers with a valid status but a corrupt body.
    public var garbleRate: Double = 0
    /// Accounts whose every call is AccessDenied.
    public var denyAccounts: Set<String> = []
    /// Accounts whose roles, when assumed, yield credentials bound to another account.
    public var wrongAccounts: Set<String> = []
    /// Sessions really expire this many seconds after issue, whatever their Expiration says.
    public var expireEarlySeconds: Int?
    public var seed: UInt64 = 0

    public init() {}

    /// Parses the `--faults` text; an empty string is the empty plan.
    public init(parsing text: String) throws(FaultPlanError) {
        self.init()
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw FaultPlanError(item: item, problem: "expected key=value") }
            let (key, value) = (parts[0], parts[1])
            switch key {
            case "latency": latency = try Self.duration(value, item: item)
            case "error_rate": errorRate = try Self.rate(value, item: item)
            case "throttle_rate": throttleRate = try Self.rate(value, item: item)
            case "throttle_burst": throttleBurst = try Self.count(value, item: item, minimum: 1)
            case "reset_rate": resetRate = try Self.rate(value, item: item)
            case "truncate_rate": truncateRate = try Self.rate(value, item: item)
            case "garble_rate": garbleRate = try Self.rate(value, item: item)
            case "deny_account": denyAccounts.insert(try Self.account(value, item: item))
            case "wrong_account": wrongAccounts.insert(try Self.account(value, item: item))
            case "expire_early": expireEarlySeconds = try Self.count(value, item: item, minimum: 0)
            case "seed":
                guard let number = UInt64(value) else { throw FaultPlanError(item: item, problem: "seed must be a non-negative integer") }
                seed = number
            default:
                throw FaultPlanError(item: item, problem: "unknown fault '\(key)' (known: latency, error_rate, throttle_rate, throttle_burst, reset_rate, truncate_rate, garble_rate, deny_account, wrong_account, expire_early, seed)")
            }
        }
    }

    private static func rate(_ value: String, item: String) throws(FaultPlanError) -> Double {
        guard let rate = Double(value), rate >= 0, rate <= 1 else {
            throw FaultPlanError(item: item, problem: "a rate must be a number between 0 and 1")
        }
        return rate
    }

    private static func count(_ value: String, item: String, minimum: Int) throws(FaultPlanError) -> Int {
        guard let number = Int(value), number >= minimum else {
            throw FaultPlanError(item: item, problem: "expected an integer of at least \(minimum)")
        }
        return number
    }

    private static func account(_ value: String, item: String) throws(FaultPlanError) -> String {
        guard value.count == 12, value.allSatisfy(\.isASCIIDigit) else {
            throw FaultPlanError(item: item, problem: "an account id is 12 digits")
        }
        return value
    }

    /// "20ms", "1s", or a bare number of milliseconds.
    private static func duration(_ value: String, item: String) throws(FaultPlanError) -> Duration {
        let (digits, scale): (Substring, Int64) =
            value.hasSuffix("ms") ? (value.dropLast(2), 1) : value.hasSuffix("s") ? (value.dropLast(1), 1000) : (Substring(value), 1)
        // At most an hour: a longer latency only hangs the client, and the product must not overflow.
        guard let number = Int64(digits), number >= 0, number <= 3_600_000 / scale else {
            throw FaultPlanError(item: item, problem: "latency is a whole number of milliseconds from 0 to 1 hour, like 20ms or 1s")
        }
        return .milliseconds(number * scale)
    }
}

/// A `--faults` item the sandbox cannot understand.
public struct FaultPlanError: Error, Sendable, Equatable, CustomStringConvertible {
    public var item: String
    public var problem: String

    public var description: String {
        "chargeback-sandbox: cannot read fault '\(item)' in --faults: \(problem)."
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
