import Foundation
import Yams

extension ConfigDecoder {
    private enum Method: String, CaseIterable {
        case none, even, fixed, proportional

        var acceptedKeys: Set<String> {
            switch self {
            case .none, .even: ["method"]
            case .fixed: ["method", "shares"]
            case .proportional: ["method", "driver"]
            }
        }
    }

    func decodeAllocation(_ node: Node?, at path: ConfigKeyPath, businessUnitIDs: [String]) -> AllocationConfig? {
        guard let node else { return AllocationConfig() }
        let categories = QuickCostCategory.allCases.map(\.rawValue)
        guard let mapping = mapping(node, at: path, allowedKeys: categories) else { return nil }
        var allocation = AllocationConfig()
        var valid = true
        for category in QuickCostCategory.allCases {
            guard let value = mapping.value(category.rawValue) else { continue }
            if let rule = allocationRule(value, at: mapping.path(category.rawValue), businessUnitIDs: businessUnitIDs) {
                allocation.setRule(rule, for: category)
            } else {
                valid = false
            }
        }
        return valid ? allocation : nil
    }

    private func allocationRule(_ node: Node, at path: ConfigKeyPath, businessUnitIDs: [String]) -> AllocationRule? {
        guard let mapping = mapping(node, at: path, allowedKeys: ConfigurationKeys.allocationRule) else { return nil }
        guard let methodNode = required("method", in: mapping, hint: "give one of none, even, fixed, proportional"),
              let method = choice(methodNode, at: mapping.path("method"), what: "allocation method", as: Method.self)
        else { return nil }
        let drivers = AllocationDriver.allCases.map(\.rawValue).joined(separator: ", ")
        let unexpected = mapping.keys(otherThan: method.acceptedKeys)
        for (key, keyNode) in unexpected {
            report("method '\(method.rawValue)' takes no '\(key)'; remove it", at: keyNode, path: mapping.path(key))
        }
        guard unexpected.isEmpty else { return nil }
        switch method {
        case .none:
            return AllocationRule.none
        case .even:
            return .even
        case .proportional:
            guard let driverNode = required("driver", in: mapping, hint: "a proportional allocation needs a driver: \(drivers)"),
                  let driver = choice(driverNode, at: mapping.path("driver"), what: "allocation driver", as: AllocationDriver.self)
            else { return nil }
            return .proportional(driver: driver)
        case .fixed:
            guard let sharesNode = required("shares", in: mapping, hint: "a fixed allocation needs shares, e.g. {retail: 60, risk: 40}")
            else { return nil }
            return fixedShares(sharesNode, at: mapping.path("shares"), businessUnitIDs: businessUnitIDs)
                .map { .fixed(shares: $0) }
        }
    }

    private func fixedShares(_ node: Node, at path: ConfigKeyPath, businessUnitIDs: [String]) -> [AllocationShare]? {
        guard case .mapping(let mapping) = node, !mapping.isEmpty else {
            report("expected a mapping of business unit id: percent, e.g. {retail: 60, risk: 40}, found \(node.kindDescription)", at: node, path: path)
            return nil
        }
        var shares: [AllocationShare] = []
        var valid = true
        for (keyNode, valueNode) in mapping {
            guard let id = text(keyNode, at: path) else { valid = false; continue }
            let sharePath = path.appending(id)
            guard businessUnitIDs.contains(id) else {
                let hint = KeySuggestion.closest(to: id, among: businessUnitIDs).map { "did you mean '\($0)'? " } ?? ""
                report("'\(id)' is not a configured business unit; \(hint)shares must name ids from business_units", at: keyNode, path: sharePath)
                valid = false
                continue
            }
            guard let percent = decimal(valueNode, at: sharePath, what: "a percentage") else { valid = false; continue }
            guard percent >= 0 else {
                report("a share cannot be negative, found \(percent)", at: valueNode, path: sharePath)
                valid = false
                continue
            }
            shares.append(AllocationShare(businessUnitId: id, percent: percent))
        }
        guard valid else { return nil }
        let total = shares.reduce(Decimal(0)) { $0 + $1.percent }
        guard total == 100 else {
            report("the shares sum to \(total), not 100; adjust them so they add up to exactly 100", at: node, path: path)
            return nil
        }
        return shares
    }
}
