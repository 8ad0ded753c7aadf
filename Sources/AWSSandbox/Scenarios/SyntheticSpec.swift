import Foundation

/// The size of a generated organisation, parsed from "accounts=200,queries=5000,workgroups=2,seed=7".
public struct SyntheticSpec: Sendable, Equatable {
    /// Consumer (BU) accounts besides the central one.
    public var accounts: Int
    /// Query executions per BU account, spread over its workgroups and the last 60 days.
    public var queries: Int
    /// Workgroups per BU account ("primary", "wg-2", …).
    public var workgroups: Int
    public var seed: UInt64

    public init(accounts: Int = 10, queries: Int = 1_000, workgroups: Int = 2, seed: UInt64 = 1) {
        self.accounts = accounts
        self.queries = queries
        self.workgroups = workgroups
        self.seed = seed
    }

    /// Parses comma-separated `key=value` pairs; absent keys keep their defaults.
    public init(parsing text: String) throws(SyntheticSpecError) {
        self.init()
        var seen: Set<String> = []
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            guard parts.count == 2 else { throw SyntheticSpecError("'\(pair)' is not key=value") }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            guard seen.insert(key).inserted else { throw SyntheticSpecError("\(key) is given twice") }
            switch key {
            case "accounts": accounts = try Self.integer(value, key: key, in: 1...99_999)
            case "queries": queries = try Self.integer(value, key: key, in: 0...1_000_000)
            case "workgroups": workgroups = try Self.integer(value, key: key, in: 1...50)
            case "seed":
                guard let number = UInt64(value) else { throw SyntheticSpecError("seed must be a non-negative integer; it was '\(value)'") }
                seed = number
            default:
                throw SyntheticSpecError("unknown key '\(key)'; the keys are accounts, queries, workgroups and seed")
            }
        }
    }

    private static func integer(_ text: String, key: String, in range: ClosedRange<Int>) throws(SyntheticSpecError) -> Int {
        guard let number = Int(text), range.contains(number) else {
            throw SyntheticSpecError("\(key) must be an integer from \(range.lowerBound) to \(range.upperBound); it was '\(text)'")
        }
        return number
    }
}

/// Why a `--synthetic` specification was rejected.
public struct SyntheticSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String

    init(_ reason: String) { self.reason = reason }

    public var description: String {
        "Synthetic scenario: \(reason). Write it like \"accounts=200,queries=5000,workgroups=2,seed=7\"."
    }
}
