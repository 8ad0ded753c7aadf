import ChargebackModel
import Foundation

/// Splits a whole number of cents over weights so that the parts add up exactly to it (see
/// docs/computation.md, "Largest remainder"). Each part first gets the whole cents of its exact
/// quota; the cents left over go one each to the largest remainders, and equal remainders are
/// served in the order the weights are given, so callers order them by their tie rule.
public enum LargestRemainderApportionment {
    /// Decimals a quota is rounded to before it is split into whole cents and remainder, so that
    /// division noise in the 38th digit can neither break a tie nor lose a cent.
    static let quotaScale = 20

    /// The parts of `cents`, in the order of `weights`, or nil when the weights sum to zero.
    ///
    /// A negative amount (a credit) is split as its magnitude and negated, so no part ever has the
    /// opposite sign of the amount. Weights must not be negative.
    public static func apportion(cents: Int64, weights: [Decimal]) -> [Int64]? {
        precondition(weights.allSatisfy { $0 >= 0 }, "apportionment weights must not be negative")
        let total = weights.reduce(Decimal(0), +)
        guard total > 0 else { return nil }
        let magnitude = cents.magnitude
        let whole = Decimal(magnitude)
        var parts = [Int64](repeating: 0, count: weights.count)
        var remainders = [Decimal](repeating: 0, count: weights.count)
        var handedOut: UInt64 = 0
        for (index, weight) in weights.enumerated() where weight > 0 {
            let quota = MoneyRounding.rounded(whole * weight / total, scale: quotaScale)
            let floor = roundedDown(quota)
            let floorCents = NSDecimalNumber(decimal: floor).uint64Value
            parts[index] = Int64(floorCents)
            remainders[index] = quota - floor
            handedOut += floorCents
        }
        precondition(handedOut <= magnitude, "largest remainder: quotas exceed the amount")
        var left = magnitude - handedOut
        if left > 0 {
            let order = weights.indices.sorted { lhs, rhs in
                remainders[lhs] != remainders[rhs] ? remainders[lhs] > remainders[rhs] : lhs < rhs
            }
            var position = 0
            while left > 0 {
                parts[order[position % order.count]] += 1
                left -= 1
                position += 1
            }
        }
        return cents < 0 ? parts.map { -$0 } : parts
    }

    /// The parts of an amount in currency units (rounded to cents first), as amounts.
    public static func apportion(amount: Decimal, weights: [Decimal]) -> [Decimal]? {
        apportion(cents: MoneyRounding.wholeCents(amount), weights: weights)?.map { MoneyRounding.amount(cents: $0) }
    }

    /// `value` rounded toward zero to a whole number (values here are never negative).
    static func roundedDown(_ value: Decimal) -> Decimal {
        MoneyRounding.rounded(value, scale: 0, mode: .down)
    }
}
