/// Every key `chargeback.yaml` may hold. The decoder refuses any other key with these lists, and
/// docs/configuration.md is checked against `allPaths`, so a new key cannot go undocumented.
public enum ConfigurationKeys {
    static let topLevel = [
        "version", "currency", "central", "pricing", "cost_metric", "services", "business_units",
        "allocation", "usage_type_rules", "cost_source", "cur",
    ]
    static let central = ["account_id", "region", "run_as_role_arn", "quick_service_name", "cost_role_arn"]
    static let businessUnit = [
        "id", "name", "account_id", "role_arn", "external_id", "region", "regions",
        "workgroups", "cost_center", "budget",
    ]
    static let pricing = ["athena_usd_per_tb", "athena_usd_per_tb_by_region"]
    static let allocationRule = ["method", "driver", "shares"]
    static let usageTypeRules = ["spice", "sessions", "users"]
    static let cur = ["database", "table", "workgroup", "region", "role_arn", "output_location"]

    /// Placeholders for keys the user names: a report column, a region, a business unit id.
    public static let serviceColumn = "<column>"
    public static let regionName = "<region>"
    public static let businessUnitID = "<business-unit-id>"
    public static let category = "<category>"

    /// Every key path, written as errors name them (`business_units[].account_id`; list items
    /// as `[]`, keys the user names as a placeholder such as `services.<column>`).
    public static var allPaths: [String] {
        var paths = topLevel
        paths += central.map { "central.\($0)" }
        paths += pricing.map { "pricing.\($0)" } + ["pricing.athena_usd_per_tb_by_region.\(regionName)"]
        paths.append("services.\(serviceColumn)")
        paths += businessUnit.map { "business_units[].\($0)" } + ["business_units[].regions[]", "business_units[].workgroups[]"]
        paths += QuickCostCategory.allCases.map { "allocation.\($0.rawValue)" }
        paths += allocationRule.map { "allocation.\(category).\($0)" } + ["allocation.\(category).shares.\(businessUnitID)"]
        paths += usageTypeRules.map { "usage_type_rules.\($0)" }
        paths += cur.map { "cur.\($0)" }
        return paths
    }
}
