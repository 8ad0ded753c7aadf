import ChargebackModel
import Foundation

/// Which business unit's data fills SPICE (see docs/computation.md, "The spice_bytes driver"): a
/// SPICE data set belongs to the units whose Role B is the `ConsumerAccountRoleArn` of one of its
/// Athena data sources. A data set over several units splits evenly, to the byte (the odd bytes go
/// one each to the units in id order), so the parts add up exactly; one that maps to no unit
/// stays central.
struct SpiceOwnership: Equatable {
    var bytesByUnit: [String: Int64]
    /// SPICE bytes of data sets that map to no business unit.
    var unmappedBytes: Int64

    init(dataSources: [QuickDataSource], dataSets: [QuickDataSet], units: [BusinessUnitConfig]) {
        var unitsByRole: [String: [String]] = [:]
        for unit in units { unitsByRole[unit.roleArn.text, default: []].append(unit.id) }
        var unitsBySource: [String: Set<String>] = [:]
        for source in dataSources where source.type == nil || source.type?.uppercased() == "ATHENA" {
            guard let role = source.consumerAccountRoleArn, let ids = unitsByRole[role] else { continue }
            unitsBySource[source.arn, default: []].formUnion(ids)
        }
        var bytesByUnit: [String: Int64] = [:]
        var unmapped: Int64 = 0
        for dataSet in dataSets where dataSet.importMode?.uppercased() != "DIRECT_QUERY" && dataSet.spiceBytes > 0 {
            let owners = dataSet.dataSourceArns.reduce(into: Set<String>()) { $0.formUnion(unitsBySource[$1] ?? []) }
                .sorted()
            guard !owners.isEmpty else {
                unmapped += dataSet.spiceBytes
                continue
            }
            let count = Int64(owners.count)
            let each = dataSet.spiceBytes / count
            let odd = dataSet.spiceBytes % count
            for (position, owner) in owners.enumerated() {
                bytesByUnit[owner, default: 0] += each + (Int64(position) < odd ? 1 : 0)
            }
        }
        self.bytesByUnit = bytesByUnit
        unmappedBytes = unmapped
    }
}
