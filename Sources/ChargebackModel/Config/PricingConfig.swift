import Foundation

/// Athena's on-demand price, used to estimate each query's cost.
public struct PricingConfig: Sendable, Equatable {
    /// US dollars per terabyte (2^40 bytes) scanned, where no regional override applies.
    public var athenaUSDPerTB: Decimal
    /// Per-region overrides of `athenaUSDPerTB`.
    public var athenaUSDPerTBByRegion: [String: Decimal]

    /// Athena's published on-demand price in most regions.
    public static let defaultAthenaUSDPerTB = Decimal(5)

    public init(athenaUSDPerTB: Decimal = PricingConfig.defaultAthenaUSDPerTB,
                athenaUSDPerTBByRegion: [String: Decimal] = [:]) {
        self.athenaUSDPerTB = athenaUSDPerTB
        self.athenaUSDPerTBByRegion = athenaUSDPerTBByRegion
    }

    /// The price that applies to queries run in `region`.
    public func athenaPricePerTB(region: String) -> Decimal {
        athenaUSDPerTBByRegion[region] ?? athenaUSDPerTB
    }
}
