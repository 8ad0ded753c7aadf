/// FOCUS 1.2's ServiceCategory and ServiceSubcategory for the services a chargeback meets, from
/// the specification's list of allowed values; any other service is `Other` / `Other (Other)`.
enum FocusServiceTaxonomy {
    struct Classification: Equatable {
        var category: String
        var subcategory: String
    }

    /// A lower-cased fragment of a Cost Explorer service name and its classification, first match wins.
    static let known: [(fragment: String, classification: Classification)] = [
        ("athena", .init(category: "Analytics", subcategory: "Analytics Platforms")),
        ("glue", .init(category: "Analytics", subcategory: "Data Processing")),
        ("emr", .init(category: "Analytics", subcategory: "Data Processing")),
        ("kinesis", .init(category: "Analytics", subcategory: "Streaming Analytics")),
        ("quicksight", .init(category: "Analytics", subcategory: "Business Intelligence")),
        ("amazon quick", .init(category: "Analytics", subcategory: "Business Intelligence")),
        ("redshift", .init(category: "Databases", subcategory: "Data Warehouses")),
        ("lake formation", .init(category: "Management and Governance", subcategory: "Data Governance")),
        ("simple storage service", .init(category: "Storage", subcategory: "Object Storage")),
        ("amazon s3", .init(category: "Storage", subcategory: "Object Storage")),
        ("key management service", .init(category: "Security", subcategory: "Secret Management")),
    ]

    static let other = Classification(category: "Other", subcategory: "Other (Other)")

    static func classify(_ serviceName: String) -> Classification {
        let lower = serviceName.lowercased()
        return known.first { lower.contains($0.fragment) }?.classification ?? other
    }
}
