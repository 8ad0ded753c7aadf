import AWSSandbox

/// A reproducible random number generator for building random inputs from one seed, so a
/// failing property's seed can be replayed: the sandbox's SplitMix64, seeded by the test.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= ScenarioRandom.increment
        return ScenarioRandom.mix(state)
    }
}
