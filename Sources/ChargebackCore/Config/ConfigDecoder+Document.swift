import Yams

extension ConfigDecoder {
    /// The whole configuration, or nil when anything was reported.
    func decodeDocument(_ root: Node) -> ChargebackConfig? {
        guard case .mapping = root else {
            report("expected a mapping of settings (version, central, business_units, …) at the top level, found \(root.kindDescription); run 'chargeback init' for a sample",
                   at: root, path: .root)
            return nil
        }
        guard let document = mapping(root, at: .root, allowedKeys: ConfigurationKeys.topLevel) else { return nil }
        let version = decodeVersion(document)
        let currency = decodeCurrency(document)
        let central = required("central", in: document, hint: "describe the central (Quick) account with account_id and region")
            .flatMap { decodeCentral($0, at: document.path("central")) }
        let pricing = decodePricing(document.value("pricing"), at: document.path("pricing"))
        var costMetric: CostMetric? = .unblendedCost
        if let value = document.value("cost_metric") {
            costMetric = choice(value, at: document.path("cost_metric"), what: "cost metric", as: CostMetric.self)
        }
        let services = decodeServices(document.value("services"), at: document.path("services"))
        var businessUnitIDs: [String] = []
        let businessUnits = decodeBusinessUnits(document.value("business_units"), at: document.path("business_units"),
                                                declaredIDs: &businessUnitIDs)
        let allocation = decodeAllocation(document.value("allocation"), at: document.path("allocation"),
                                          businessUnitIDs: businessUnitIDs)
        let rules = decodeUsageTypeRules(document.value("usage_type_rules"), at: document.path("usage_type_rules"))
        let costSource = decodeCostSource(document.value("cost_source"), sourcePath: document.path("cost_source"),
                                          cur: document.value("cur"), curPath: document.path("cur"), root: root)
        guard errors.isEmpty, let version, let currency, let central, let pricing, let costMetric, let services,
              let businessUnits, let allocation, let rules, let costSource
        else { return nil }
        return ChargebackConfig(
            version: version, currency: currency, central: central, pricing: pricing, costMetric: costMetric,
            services: services, businessUnits: businessUnits, allocation: allocation, usageTypeRules: rules,
            costSource: costSource, sourcePath: file)
    }

    private func decodeVersion(_ document: ConfigMapping) -> Int? {
        guard let node = required("version", in: document, hint: "add 'version: 1' at the top of the file") else { return nil }
        guard let raw = text(node, at: document.path("version")) else { return nil }
        guard raw == "1" else {
            report("unsupported version '\(raw)'; this chargeback reads version 1", at: node, path: document.path("version"))
            return nil
        }
        return 1
    }

    private func decodeCurrency(_ document: ConfigMapping) -> String? {
        guard let node = document.value("currency") else { return "USD" }
        guard let code = text(node, at: document.path("currency")) else { return nil }
        guard code.wholeMatch(of: /[A-Z]{3}/) != nil else {
            report("'\(code)' is not an ISO 4217 currency code; expected 3 upper-case letters such as USD or EUR",
                   at: node, path: document.path("currency"))
            return nil
        }
        return code
    }
}
