import Foundation
import Yams

extension ConfigDecoder {
    func decodePricing(_ node: Node?, at path: ConfigKeyPath) -> PricingConfig? {
        guard let node else { return PricingConfig() }
        guard let mapping = mapping(node, at: path, allowedKeys: ConfigurationKeys.pricing) else { return nil }
        var pricing = PricingConfig()
        var valid = true
        if let price = optional("athena_usd_per_tb", in: mapping, valid: &valid, self.price) {
            pricing.athenaUSDPerTB = price
        }
        if let value = mapping.value("athena_usd_per_tb_by_region") {
            let overridesPath = mapping.path("athena_usd_per_tb_by_region")
            if case .mapping(let overrides) = value {
                for (regionNode, priceNode) in overrides {
                    guard let region = region(regionNode, at: overridesPath),
                          let price = price(priceNode, at: overridesPath.appending(region))
                    else { valid = false; continue }
                    pricing.athenaUSDPerTBByRegion[region] = price
                }
            } else {
                report("expected a mapping of region: price, e.g. {eu-central-1: 5.00}, found \(value.kindDescription)", at: value, path: overridesPath)
                valid = false
            }
        }
        return valid ? pricing : nil
    }

    func decodeServices(_ node: Node?, at path: ConfigKeyPath) -> [ServiceMapping]? {
        guard let node else { return ServiceMapping.standard }
        guard case .mapping(let mapping) = node else {
            report("expected a mapping of column key: Cost Explorer service name, found \(node.kindDescription)", at: node, path: path)
            return nil
        }
        var configured: [ServiceMapping] = []
        var valid = true
        for (keyNode, valueNode) in mapping {
            guard let key = text(keyNode, at: path) else { valid = false; continue }
            let entryPath = path.appending(key)
            guard key.wholeMatch(of: /[a-z][a-z0-9_]*/) != nil else {
                report("service key '\(key)' must be lower-case letters, digits and underscores (it names a report column)", at: keyNode, path: entryPath)
                valid = false
                continue
            }
            guard case .scalar = valueNode, !valueNode.isNull, !valueNode.isNumber,
                  let name = valueNode.scalar?.string, !name.isEmpty
            else {
                report("expected the Cost Explorer SERVICE name as a string (e.g. Amazon Athena), found \(valueNode.kindDescription)", at: valueNode, path: entryPath)
                valid = false
                continue
            }
            if let clash = configured.first(where: { $0.costExplorerName == name }) {
                report("'\(name)' is already mapped to '\(clash.key)'; a service counted in two columns would be charged twice", at: valueNode, path: entryPath)
                valid = false
                continue
            }
            configured.append(ServiceMapping(key: key, costExplorerName: name))
        }
        guard valid else { return nil }
        // The standard columns always exist, first and in report order; further keys follow.
        let standard = ServiceMapping.standard.map { standard in
            configured.first { $0.key == standard.key } ?? standard
        }
        return standard + configured.filter(\.isOtherService)
    }
}
