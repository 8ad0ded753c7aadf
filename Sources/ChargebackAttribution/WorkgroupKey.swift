/// A workgroup is a region and a name: `primary` in two regions is two workgroups. Ordered by
/// region, then name, the order reports list them and reconciliation breaks ties in.
struct WorkgroupKey: Hashable, Comparable {
    var region: String
    var name: String

    static func < (lhs: WorkgroupKey, rhs: WorkgroupKey) -> Bool {
        lhs.region != rhs.region ? lhs.region < rhs.region : lhs.name < rhs.name
    }
}
