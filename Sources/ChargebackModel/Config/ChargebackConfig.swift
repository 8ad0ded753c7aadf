/// The validated contents of `chargeback.yaml`, with every default applied.
public struct ChargebackConfig: Sendable, Equatable {
    /// The file format version; only 1 exists.
    public var version: Int
    /// ISO 4217 code of every amount in the reports, e.g. `USD`.
    public var currency: String
    public var central: CentralConfig
    public var pricing: PricingConfig
    /// The Cost Explorer metric every cost is read with.
    public var costMetric: CostMetric
    /// Consumer-account services taken from Cost Explorer: athena, glue and s3 first, then the
    /// further ones in file order (summed into `other_services`).
    public var services: [ServiceMapping]
    public var businessUnits: [BusinessUnitConfig]
    public var allocation: AllocationConfig
    public var usageTypeRules: UsageTypeRules
    /// Where costs come from: Cost Explorer, or a Cost and Usage Report table for large estates.
    public var costSource: CostSource
    /// The file this configuration was read from.
    public var sourcePath: String

    public init(
        version: Int, currency: String, central: CentralConfig, pricing: PricingConfig,
        costMetric: CostMetric, services: [ServiceMapping], businessUnits: [BusinessUnitConfig],
        allocation: AllocationConfig, usageTypeRules: UsageTypeRules, costSource: CostSource,
        sourcePath: String
    ) {
        self.version = version
        self.currency = currency
        self.central = central
        self.pricing = pricing
        self.costMetric = costMetric
        self.services = services
        self.businessUnits = businessUnits
        self.allocation = allocation
        self.usageTypeRules = usageTypeRules
        self.costSource = costSource
        self.sourcePath = sourcePath
    }

    /// The business unit with this id, if configured.
    public func businessUnit(id: String) -> BusinessUnitConfig? {
        businessUnits.first { $0.id == id }
    }
}
