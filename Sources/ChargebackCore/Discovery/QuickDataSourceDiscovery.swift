import AWSCore
import AWSServices
import Foundation

/// A business unit found in the central account's Quick data sources: an Athena data source that
/// reaches another account through `ConsumerAccountRoleArn` is exactly one BU's Role B and
/// ExternalId (the data source ARN).
public struct DiscoveredBusinessUnit: Sendable, Equatable {
    public var id: String
    public var name: String
    public var accountId: String
    public var roleArn: String
    public var externalId: String
    public var region: String
    public var workgroup: String?
    /// The Role A the data source runs as, when it names one.
    public var runAsRoleArn: String?
}

public struct DiscoveryResult: Sendable, Equatable {
    public var centralAccountId: String
    public var region: String
    public var units: [DiscoveredBusinessUnit]
    /// Data sources looked at and left out, with the reason (for the YAML's comments).
    public var skipped: [(id: String, reason: String)]

    public static func == (lhs: DiscoveryResult, rhs: DiscoveryResult) -> Bool {
        lhs.centralAccountId == rhs.centralAccountId && lhs.region == rhs.region && lhs.units == rhs.units
            && lhs.skipped.map(\.id) == rhs.skipped.map(\.id) && lhs.skipped.map(\.reason) == rhs.skipped.map(\.reason)
    }
}

/// `chargeback discover`: lists the central account's Quick data sources and keeps the Athena ones
/// that carry a `ConsumerAccountRoleArn`.
public struct QuickDataSourceDiscovery: Sendable {
    /// Acts in the central account, in Quick's region.
    public var client: AWSClient
    /// Only data sources running as this Role A (nil: all).
    public var runAsRoleArn: String?

    public init(client: AWSClient, runAsRoleArn: String? = nil) {
        self.client = client
        self.runAsRoleArn = runAsRoleArn
    }

    public func discover() async throws -> DiscoveryResult {
        let account = try await STSClient(client: client).getCallerIdentity().account
        let quickSight = QuickSightClient(client: client)
        var units: [DiscoveredBusinessUnit] = []
        var skipped: [(id: String, reason: String)] = []
        var usedIds = Set<String>()
        for try await source in quickSight.listDataSourcesPages(accountId: account, maxResults: 100).items {
            let sourceId = source.dataSourceId ?? source.name ?? "(unnamed)"
            guard source.type == "ATHENA" else { continue }
            let athena = source.dataSourceParameters?.athenaParameters
            guard let consumerRole = athena?.consumerAccountRoleArn, !consumerRole.isEmpty else {
                skipped.append((sourceId, "no ConsumerAccountRoleArn: it queries Athena in the central account"))
                continue
            }
            guard let roleArn = IAMRoleARN(consumerRole) else {
                skipped.append((sourceId, "ConsumerAccountRoleArn '\(consumerRole)' is not an IAM role ARN"))
                continue
            }
            if let runAsRoleArn, athena?.roleArn != runAsRoleArn {
                skipped.append((sourceId, "runs as \(athena?.roleArn ?? "Quick's service role"), not \(runAsRoleArn)"))
                continue
            }
            guard let arn = source.arn, !arn.isEmpty else {
                skipped.append((sourceId, "the data source has no ARN to use as ExternalId"))
                continue
            }
            let id = BusinessUnitIdentifier.make(from: sourceId, taken: usedIds)
            usedIds.insert(id)
            units.append(DiscoveredBusinessUnit(
                id: id, name: source.name ?? sourceId, accountId: roleArn.accountId, roleArn: consumerRole,
                externalId: arn, region: QuickSightDataSourceARN(arn)?.region ?? client.region,
                workgroup: athena?.workGroup, runAsRoleArn: athena?.roleArn))
        }
        return DiscoveryResult(centralAccountId: account, region: client.region, units: units, skipped: skipped)
    }
}

/// Turns a data source id into a BU id (`[a-z0-9-]{1,40}`, unique): "Athena_Retail" → "retail".
public enum BusinessUnitIdentifier {
    public static func make(from text: String, taken: Set<String>) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if slug.last != "-" {
                slug.append("-")
            }
        }
        slug = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        if slug.hasPrefix("athena-"), slug.count > "athena-".count { slug.removeFirst("athena-".count) }
        if slug.isEmpty { slug = "bu" }
        slug = String(slug.prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        var candidate = slug
        var counter = 2
        while taken.contains(candidate) {
            let suffix = "-\(counter)"
            candidate = String(slug.prefix(40 - suffix.count)) + suffix
            counter += 1
        }
        return candidate
    }
}

/// Renders discovered BUs as configuration YAML ready to paste into chargeback.yaml.
public enum DiscoveryYAML {
    public static func render(_ result: DiscoveryResult) -> String {
        var lines = [
            "# \(result.units.count) Quick data source\(result.units.count == 1 ? "" : "s") of type ATHENA with a consumer account role,",
            "# found in account \(result.centralAccountId) (\(result.region)). Review ids and names, then paste into chargeback.yaml.",
        ]
        for skip in result.skipped { lines.append("# skipped \(skip.id): \(skip.reason)") }
        lines += ["version: 1", "central:", "  account_id: \(quote(result.centralAccountId))", "  region: \(quote(result.region))"]
        let roleAs = Set(result.units.compactMap(\.runAsRoleArn))
        if roleAs.count == 1, let roleA = roleAs.first {
            lines.append("  run_as_role_arn: \(quote(roleA))")
        } else if roleAs.count > 1 {
            lines.append("  # the data sources run as several roles: \(roleAs.sorted().joined(separator: ", "))")
        }
        lines.append("business_units:")
        if result.units.isEmpty { lines.append("  []") }
        for unit in result.units {
            lines += [
                "  - id: \(unit.id)",
                "    name: \(quote(unit.name))",
                "    account_id: \(quote(unit.accountId))",
                "    role_arn: \(quote(unit.roleArn))",
                "    external_id: \(quote(unit.externalId))",
                "    region: \(quote(unit.region))",
            ]
            if let workgroup = unit.workgroup, !workgroup.isEmpty {
                lines.append("    workgroups: [\(quote(workgroup))]   # the data source's workgroup; remove to collect every workgroup")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar (JSON's string syntax is a subset of it).
    static func quote(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
