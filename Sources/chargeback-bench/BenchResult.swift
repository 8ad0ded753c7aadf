import Foundation

/// One measured benchmark: how many operations took how long, and the memory peak meanwhile.
struct BenchResult: Sendable, Encodable {
    /// Short identifier, also the JSON key ("sigv4_sign").
    var name: String
    /// What was counted ("signatures", "requests", "executions", "business units").
    var unit: String
    var count: Int
    var wallSeconds: Double
    /// Peak resident memory during this benchmark (since the previous one ended), in KiB.
    var peakRSSKiB: Int?
    /// Further integer figures: connections accepted, AssumeRole calls, throttles, …
    var figures: [String: Int]

    init(name: String, unit: String, count: Int, wallSeconds: Double, peakRSSKiB: Int? = nil,
         figures: [String: Int] = [:]) {
        self.name = name
        self.unit = unit
        self.count = count
        self.wallSeconds = wallSeconds
        self.peakRSSKiB = peakRSSKiB
        self.figures = figures
    }

    /// Operations per second of wall time.
    var ratePerSecond: Double { wallSeconds > 0 ? Double(count) / wallSeconds : 0 }

    enum CodingKeys: String, CodingKey {
        case name, unit, count, figures
        case wallSeconds = "wall_seconds"
        case ratePerSecond = "rate_per_second"
        case peakRSSKiB = "peak_rss_kib"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(unit, forKey: .unit)
        try container.encode(count, forKey: .count)
        try container.encode((wallSeconds * 1000).rounded() / 1000, forKey: .wallSeconds)
        try container.encode(ratePerSecond.rounded(), forKey: .ratePerSecond)
        try container.encodeIfPresent(peakRSSKiB, forKey: .peakRSSKiB)
        try container.encode(figures, forKey: .figures)
    }
}

/// Times `body` on the monotonic clock and returns its result with the elapsed seconds.
func measure<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try await body()
    let (seconds, attoseconds) = (clock.now - start).components
    return (value, Double(seconds) + Double(attoseconds) / 1e18)
}
