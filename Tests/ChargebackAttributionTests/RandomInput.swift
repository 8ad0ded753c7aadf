import ChargebackModel
import ChargebackTestSupport
import Foundation

/// Random attribution inputs over the whole space the rules cover: failed and partial units,
/// credits, DDL, reused, cancelled and running queries, several regions and workgroups, every
/// allocation method and driver, shared and unmapped SPICE data sets.
enum RandomInput {
    static func make(seed: UInt64) -> AttributionInput {
        var random = SeededGenerator(seed: seed)
        let ids = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"].shuffled(using: &random)
        let count = Int.random(in: 1...ids.count, using: &random)
        let units = (0..<count).map { index in
            Fixture.unit(ids[index], account: String(format: "2000000000%02d", index),
                         regions: ["us-east-1", "eu-west-1"], budget: Bool.random(using: &random) ? "500.00" : nil)
        }
        let rules = QuickCostCategory.allCases.map { _ in rule(units: units, random: &random) }
        let allocation = AllocationConfig(sessions: rules[0], spice: rules[1], users: rules[2], other: rules[3])
        let config = Fixture.config(
            units: units, allocation: allocation,
            pricing: PricingConfig(athenaUSDPerTB: 5, athenaUSDPerTBByRegion: ["eu-west-1": Fixture.decimal("6.25")]),
            extraServices: [ServiceMapping(key: "kms", costExplorerName: "AWS Key Management Service")])
        let data = units.map { unit in unitData(unit, random: &random) }
        let quick = (0..<Int.random(in: 0...6, using: &random)).map { _ in
            Fixture.quick(["USE1-SPICE", "USE1-Reader", "USE1-Author", "USE1-Alerts", "USE1-Capacity"]
                .randomElement(using: &random)!, amount(random: &random))
        }
        let sources = units.map { unit in
            QuickDataSource(id: unit.id, arn: "arn:ds/\(unit.id)", type: "ATHENA", consumerAccountRoleArn: unit.roleArn.text)
        } + [QuickDataSource(id: "orphan", arn: "arn:ds/orphan", type: "ATHENA", consumerAccountRoleArn: nil)]
        let sets = (0..<Int.random(in: 0...6, using: &random)).map { index in
            QuickDataSet(id: "set\(index)", importMode: "SPICE", spiceBytes: Int64.random(in: 0...5_000_000, using: &random),
                         dataSourceArns: sources.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
                            .map(\.arn).sorted())
        }
        let centralStatus: CollectionStatus = Int.random(in: 0..<10, using: &random) == 0 ? .failed : .complete
        return Fixture.input(config: config, units: data, central: CentralData(
            status: centralStatus, error: centralStatus == .failed ? "AccessDenied" : nil, costs: quick,
            dataSources: sources, dataSets: sets))
    }

    static func rule(units: [BusinessUnitConfig], random: inout SeededGenerator) -> AllocationRule {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return .none
        case 1: return .even
        case 2:
            var left = 100
            var shares: [AllocationShare] = []
            for (index, unit) in units.enumerated() {
                let percent = index == units.count - 1 ? left : Int.random(in: 0...left, using: &random)
                left -= percent
                shares.append(AllocationShare(businessUnitId: unit.id, percent: Decimal(percent)))
            }
            return .fixed(shares: shares.shuffled(using: &random))
        default:
            return .proportional(driver: AllocationDriver.allCases.randomElement(using: &random)!)
        }
    }

    static func unitData(_ unit: BusinessUnitConfig, random: inout SeededGenerator) -> BusinessUnitData {
        let status: CollectionStatus = [.complete, .complete, .complete, .partial, .failed].randomElement(using: &random)!
        let states: [AthenaExecutionState] = [.succeeded, .succeeded, .succeeded, .failed, .cancelled, .running, .queued]
        let executions = (0..<Int.random(in: 0...40, using: &random)).map { index in
            let scanned: Int64? = switch Int.random(in: 0..<6, using: &random) {
            case 0: nil
            case 1: 0
            case 2: 10 * Fixture.mebibyte
            default: Int64.random(in: 1...(1 << 36), using: &random)
            }
            return Fixture.execution(
                "\(unit.id)-\(index)", account: unit.accountId, region: unit.regions.randomElement(using: &random)!,
                workgroup: ["primary", "bi", "etl"].randomElement(using: &random)!,
                state: states.randomElement(using: &random)!, scanned: scanned,
                statement: ["DML", "DML", "DDL", "UTILITY"].randomElement(using: &random)!,
                reused: Int.random(in: 0..<8, using: &random) == 0,
                at: Fixture.month.start.addingTimeInterval(Double.random(in: -86_400...(32 * 86_400), using: &random)),
                engineMillis: Int64.random(in: 0...100_000, using: &random))
        }
        let services = ["Amazon Athena", "AWS Glue", "Amazon Simple Storage Service", "AWS Key Management Service"]
        let costs = (0..<Int.random(in: 0...8, using: &random)).map { index in
            Fixture.cost(unit.accountId, services.randomElement(using: &random)!, "usage-\(index % 3)",
                         amount(random: &random), estimated: Bool.random(using: &random))
        }
        let workgroups = ["primary", "bi"].map {
            AthenaWorkgroup(accountId: unit.accountId, region: unit.regions.randomElement(using: &random)!, name: $0)
        }
        return Fixture.data(unit.id, status: status, error: status == .complete ? nil : "throttled", executions: executions,
                            workgroups: workgroups, costs: costs)
    }

    /// An amount with up to 4 decimals, a credit one time in four.
    static func amount(random: inout SeededGenerator) -> String {
        let value = Int.random(in: 0...2_000_000, using: &random)
        let sign = Int.random(in: 0..<4, using: &random) == 0 ? "-" : ""
        return "\(sign)\(value / 10_000).\(String(format: "%04d", value % 10_000))"
    }

    /// The same input in another order: units, configuration, executions, workgroups, cost lines
    /// and data sets shuffled.
    static func shuffled(_ input: AttributionInput, seed: UInt64) -> AttributionInput {
        var random = SeededGenerator(seed: seed)
        var copy = input
        copy.config.businessUnits.shuffle(using: &random)
        copy.units = input.units.shuffled(using: &random).map { data in
            var data = data
            data.executions.shuffle(using: &random)
            data.workgroups.shuffle(using: &random)
            data.costs.shuffle(using: &random)
            return data
        }
        copy.central.costs.shuffle(using: &random)
        copy.central.dataSets.shuffle(using: &random)
        copy.central.dataSources.shuffle(using: &random)
        return copy
    }
}
