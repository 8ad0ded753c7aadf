import ChargebackModel
import Foundation
import Testing
@testable import ChargebackAttribution

@Suite("Largest remainder apportionment")
struct LargestRemainderApportionmentTests {
    @Test("whole cents of each quota, then the leftover cents to the largest remainders", arguments: [
        (Int64(100), ["1", "1", "1"], [Int64(34), 33, 33]),
        (Int64(100), ["1", "2", "3", "4"], [Int64(10), 20, 30, 40]),
        (Int64(10), ["3", "3", "4"], [Int64(3), 3, 4]),
        (Int64(7), ["1", "1"], [Int64(4), 3]),
        (Int64(1), ["1", "1", "1"], [Int64(1), 0, 0]),
        (Int64(2), ["1", "1", "1"], [Int64(1), 1, 0]),
        (Int64(5), ["0", "1", "0", "1"], [Int64(0), 3, 0, 2]),
        (Int64(1000), ["0.1", "0.25", "0.65"], [Int64(100), 250, 650]),
        (Int64(101), ["1", "1000000"], [Int64(0), 101]),
        (Int64(0), ["1", "2"], [Int64(0), 0]),
        // 4 × (1, 4, 1) / 6 = (0.667, 2.667, 0.667): three equal remainders, however the division rounds.
        (Int64(4), ["1", "4", "1"], [Int64(1), 3, 0]),
        // 2 × (1, 1, 1, 1, 1, 1) / 6: a third each, the two cents to the first two.
        (Int64(2), ["1", "1", "1", "1", "1", "1"], [Int64(1), 1, 0, 0, 0, 0]),
    ])
    func apportions(cents: Int64, weights: [String], expected: [Int64]) throws {
        let parts = try #require(LargestRemainderApportionment.apportion(cents: cents, weights: weights.map(Fixture.decimal)))
        #expect(parts == expected)
        #expect(parts.reduce(0, +) == cents)
    }

    @Test("a negative amount (a credit) is split symmetrically: every part is zero or negative", arguments: [
        (Int64(-100), ["1", "1", "1"], [Int64(-34), -33, -33]),
        (Int64(-7), ["1", "1"], [Int64(-4), -3]),
        (Int64(-5), ["0", "1", "0", "1"], [Int64(0), -3, 0, -2]),
    ])
    func negative(cents: Int64, weights: [String], expected: [Int64]) throws {
        let parts = try #require(LargestRemainderApportionment.apportion(cents: cents, weights: weights.map(Fixture.decimal)))
        #expect(parts == expected)
        #expect(parts.allSatisfy { $0 <= 0 })
    }

    @Test("zero or no weights: nothing to be proportional to")
    func zeroWeights() {
        #expect(LargestRemainderApportionment.apportion(cents: 100, weights: []) == nil)
        #expect(LargestRemainderApportionment.apportion(cents: 100, weights: [0, 0]) == nil)
    }

    @Test("amounts in currency units are split in cents")
    func amounts() throws {
        let parts = try #require(LargestRemainderApportionment.apportion(amount: Fixture.decimal("10.00"), weights: [1, 1, 1]))
        #expect(parts == [Fixture.decimal("3.34"), Fixture.decimal("3.33"), Fixture.decimal("3.33")])
    }

    @Test("ties go in the order given: moving an equal weight moves the extra cent with its position")
    func tieOrder() throws {
        let parts = try #require(LargestRemainderApportionment.apportion(cents: 1, weights: [1, 2, 1, 2]))
        // Quotas 1/6, 2/6, 1/6, 2/6: the two largest remainders tie; the first in order wins.
        #expect(parts == [0, 1, 0, 0])
    }
}
