import Foundation

/// Builds the daily and monthly cost lines of the built-in scenarios.
struct SampleCostLines {
    /// Athena's on-demand price per TB (2^40 bytes) scanned.
    static let athenaUSDPerTB: Decimal = 5

    /// One Athena line per (day, region) with what the generators' executions cost, scaled by
    /// `factor` so the bill can differ from the estimate by a known variance.
    ///
    /// Each execution is billed on its submission day by its final state: failed ones are free
    /// even when they report scanned bytes, and one still QUEUED or RUNNING at the scenario's
    /// clock is already counted with the bytes it will have when it finishes SUCCEEDED. Cost
    /// lines are fixed while the clock moves, so this keeps the bill equal to what the history
    /// shows once every query has finished.
    static func athena(generators: [ScenarioQueryGenerator], factor: Decimal, days: Range<Int>) -> [ScenarioCostLine] {
        var costByDayAndRegion: [Int: [String: Decimal]] = [:]
        for generator in generators {
            var records: [AthenaExecutionRecord] = []
            QueryGeneratorExpander(generator: generator).expand(slot: 0, into: &records)
            for record in records {
                let day = Int(record.submittedMillis.floorDivided(by: 86_400_000))
                guard days.contains(day), let bytes = billedBytes(record) else { continue }
                costByDayAndRegion[day, default: [:]][generator.region, default: 0] += Decimal(bytes)
            }
        }
        var lines: [ScenarioCostLine] = []
        for day in costByDayAndRegion.keys.sorted() {
            for (region, bytes) in costByDayAndRegion[day]!.sorted(by: { $0.key < $1.key }) {
                let cost = bytes * athenaUSDPerTB * factor / Decimal(sign: .plus, exponent: 0, significand: 1_099_511_627_776)
                lines.append(ScenarioCostLine(date: SandboxCivilDate(daysSinceEpoch: day).text, service: "Amazon Athena",
                                              usageType: "\(usageTypePrefix(region))-DataScannedInTB",
                                              amount: CostExplorerLine.amountText(cost)))
            }
        }
        return lines
    }

    /// Athena's billing rule: DDL, failed and reused queries are free; others pay for the bytes
    /// scanned rounded up to the MB, at least 10 MB.
    static func billedBytes(_ record: AthenaExecutionRecord) -> Int64? {
        guard record.statement != .ddl, !record.reusedPreviousResult else { return nil }
        switch record.state {
        case .succeeded: break
        case .cancelled where record.dataScannedBytes > 0: break
        default: return nil
        }
        let megabyte: Int64 = 1_048_576
        let megabytes = (record.dataScannedBytes + megabyte - 1) / megabyte
        return max(megabytes, 10) * megabyte
    }

    /// A daily line per day with an amount drawn around `base` (±`spread`), in micro-dollars.
    static func daily(service: String, usageType: String, base: Decimal, spread: Double, days: Range<Int>,
                      random: inout ScenarioRandom) -> [ScenarioCostLine] {
        days.map { day in
            ScenarioCostLine(date: SandboxCivilDate(daysSinceEpoch: day).text, service: service, usageType: usageType,
                             amount: around(base, spread: spread, random: &random))
        }
    }

    /// A line on the first of every month that starts inside `days`.
    static func monthly(service: String, usageType: String, amount: String, days: Range<Int>) -> [ScenarioCostLine] {
        days.filter { SandboxCivilDate(daysSinceEpoch: $0).day == 1 }.map { day in
            ScenarioCostLine(date: SandboxCivilDate(daysSinceEpoch: day).text, service: service, usageType: usageType, amount: amount)
        }
    }

    /// `base` × (1 ± spread), rounded to whole micro-dollars so the text is an exact decimal.
    static func around(_ base: Decimal, spread: Double, random: inout ScenarioRandom) -> String {
        let micros = NSDecimalNumber(decimal: base * 1_000_000).doubleValue * (1 - spread + 2 * spread * random.unit())
        return CostExplorerLine.amountText(Decimal(sign: .plus, exponent: -6, significand: Decimal(Int64(micros.rounded()))))
    }

    static func usageTypePrefix(_ region: String) -> String {
        switch region {
        case "us-east-1": "USE1"
        case "us-east-2": "USE2"
        case "us-west-2": "USW2"
        case "eu-west-1": "EUW1"
        case "eu-central-1": "EUC1"
        default: region.uppercased()
        }
    }

    /// The central account's Quick bill: subscriptions on the first of the month, sessions,
    /// SPICE and alerts daily.
    static func quick(days: Range<Int>, scale: Decimal, random: inout ScenarioRandom) -> [ScenarioCostLine] {
        let service = "Amazon QuickSight"
        func money(_ value: Decimal) -> String { CostExplorerLine.amountText(value * scale) }
        return monthly(service: service, usageType: "QS-User-Enterprise-Month", amount: money(432), days: days)
            + monthly(service: service, usageType: "QS-Author-Month", amount: money(144), days: days)
            + monthly(service: service, usageType: "QS-Reader-Capacity-400K-Usage", amount: money(250), days: days)
            + daily(service: service, usageType: "QS-Reader-Usage-Paid-Session", base: 14 * scale, spread: 0.4, days: days, random: &random)
            + daily(service: service, usageType: "USE1-QS-Enterprise-SPICE", base: Decimal(string: "1.45")! * scale, spread: 0.1, days: days, random: &random)
            + daily(service: service, usageType: "QS-Alerts-Evaluations", base: Decimal(string: "0.32")!, spread: 0.5, days: days, random: &random)
    }

    /// A BU's Glue and S3 bill in one region.
    static func glueAndS3(region: String, scale: Decimal, days: Range<Int>, random: inout ScenarioRandom) -> [ScenarioCostLine] {
        let prefix = usageTypePrefix(region)
        let glue = "AWS Glue"
        let s3 = "Amazon Simple Storage Service"
        return daily(service: glue, usageType: "\(prefix)-Crawler-DPU-Hour", base: Decimal(string: "1.32")! * scale, spread: 0.3, days: days, random: &random)
            + daily(service: glue, usageType: "\(prefix)-ETL-DPU-Hour", base: Decimal(string: "4.4")! * scale, spread: 0.5, days: days, random: &random)
            + daily(service: glue, usageType: "\(prefix)-Catalog-Request", base: Decimal(string: "0.05")!, spread: 0.5, days: days, random: &random)
            + daily(service: s3, usageType: "\(prefix)-TimedStorage-ByteHrs", base: Decimal(string: "7.8")! * scale, spread: 0.05, days: days, random: &random)
            + daily(service: s3, usageType: "\(prefix)-Requests-Tier1", base: Decimal(string: "0.65")! * scale, spread: 0.4, days: days, random: &random)
            + daily(service: s3, usageType: "\(prefix)-Requests-Tier2", base: Decimal(string: "0.21")! * scale, spread: 0.4, days: days, random: &random)
    }
}
