import Foundation

/// Gives the built-in scenarios' cost lines an amount per Cost Explorer metric and the record
/// types a real bill carries besides usage, so a client that reads the wrong metric or drops
/// credits gets different cents:
/// - Usage lines: a negotiated discount only the Net metrics see; usage quantities in the usage
///   type's own unit; a blended rate that differs on storage.
/// - Each month: a credit (10th) and a refund (20th), both negative, and tax under its own service
///   (1st). A one-year Savings Plan bought on the first day: the unblended metrics charge its
///   upfront fee that day, the amortised metrics spread it over each day of covered usage (whose
///   on-demand cost the negation lines AWS adds cancel in the unblended metrics).
enum SampleBillMetrics {
    /// Where an account's monthly adjustments are booked.
    struct Targets {
        var creditService: String
        var creditUsageType: String
        var refundService: String
        var refundUsageType: String
        var coveredService: String
        var coveredUsageType: String
    }

    static let savingsPlanService = "Savings Plans for AWS Compute usage"
    static let taxService = "Tax"

    /// Sets every metric of each Usage line from its `amount` (the unblended cost).
    static func priced(_ lines: [ScenarioCostLine], discount: Decimal) -> [ScenarioCostLine] {
        lines.map { line in
            guard line.recordType == "Usage", line.metricAmounts.isEmpty else { return line }
            let cost = line.amount(for: "UnblendedCost")
            let net = rounded(cost * (1 - discount))
            let blended = line.usageType.hasSuffix("TimedStorage-ByteHrs") ? rounded(cost * Decimal(string: "0.98")!) : cost
            var priced = line
            priced.metricAmounts = amounts(unblended: cost, netUnblended: net, amortized: cost, netAmortized: net,
                                           blended: blended, quantity: rounded(cost / unitPrice(line.usageType)))
            return priced
        }
    }

    /// The month's credit (10th), refund (20th), tax (1st) and Savings Plan lines for `days`.
    static func adjustments(_ targets: Targets, scale: Decimal, days: Range<Int>) -> [ScenarioCostLine] {
        var lines: [ScenarioCostLine] = []
        let coveredPerDay = rounded(Decimal(string: "1.2")! * scale)
        let feePerDay = rounded(Decimal(string: "0.84")! * scale)
        if let purchase = days.first {
            // A one-year, all-upfront plan bought on the history's first day: charged once in full.
            let fee = feePerDay * 365
            lines.append(line(SandboxCivilDate(daysSinceEpoch: purchase), savingsPlanService, "ComputeSP:1yrAllUpfront",
                              "SavingsPlanUpfrontFee",
                              amounts(unblended: fee, netUnblended: fee, amortized: 0, netAmortized: 0, blended: fee, quantity: 0)))
        }
        for day in days {
            let date = SandboxCivilDate(daysSinceEpoch: day)
            switch date.day {
            case 1:
                let cost = rounded(Decimal(string: "6.5")! * scale)
                lines.append(line(date, taxService, "Tax", "Tax", amounts(same: cost)))
            case 10:
                lines.append(line(date, targets.creditService, targets.creditUsageType, "Credit",
                                  amounts(same: -rounded(20 * scale))))
            case 20:
                lines.append(line(date, targets.refundService, targets.refundUsageType, "Refund",
                                  amounts(same: -rounded(Decimal(string: "2.5")! * scale))))
            default:
                break
            }
            lines.append(line(date, targets.coveredService, targets.coveredUsageType, "SavingsPlanCoveredUsage",
                              amounts(unblended: coveredPerDay, netUnblended: coveredPerDay, amortized: feePerDay,
                                      netAmortized: feePerDay, blended: coveredPerDay,
                                      quantity: rounded(coveredPerDay / unitPrice(targets.coveredUsageType)))))
            lines.append(line(date, targets.coveredService, targets.coveredUsageType, "SavingsPlanNegation",
                              amounts(unblended: -coveredPerDay, netUnblended: -coveredPerDay, amortized: 0,
                                      netAmortized: 0, blended: -coveredPerDay, quantity: 0)))
        }
        return lines
    }

    private static func line(_ date: SandboxCivilDate, _ service: String, _ usageType: String, _ recordType: String,
                             _ metricAmounts: [String: String]) -> ScenarioCostLine {
        ScenarioCostLine(date: date.text, service: service, usageType: usageType, amount: metricAmounts["UnblendedCost"]!,
                         recordType: recordType, metricAmounts: metricAmounts)
    }

    /// The same amount in every cost metric and no usage quantity (credits, refunds, tax).
    private static func amounts(same cost: Decimal) -> [String: String] {
        amounts(unblended: cost, netUnblended: cost, amortized: cost, netAmortized: cost, blended: cost, quantity: 0)
    }

    private static func amounts(unblended: Decimal, netUnblended: Decimal, amortized: Decimal, netAmortized: Decimal,
                                blended: Decimal, quantity: Decimal) -> [String: String] {
        [
            "UnblendedCost": CostExplorerLine.amountText(unblended),
            "NetUnblendedCost": CostExplorerLine.amountText(netUnblended),
            "AmortizedCost": CostExplorerLine.amountText(amortized),
            "NetAmortizedCost": CostExplorerLine.amountText(netAmortized),
            "BlendedCost": CostExplorerLine.amountText(blended),
            "UsageQuantity": CostExplorerLine.amountText(quantity),
        ]
    }

    /// List price of one unit of a usage type, so quantities come out in the usage's own unit.
    static func unitPrice(_ usageType: String) -> Decimal {
        let prices: [(suffix: String, price: String)] = [
            ("DataScannedInTB", "5"), ("DPU-Hour", "0.44"), ("Catalog-Request", "0.000001"),
            ("TimedStorage-ByteHrs", "0.023"), ("Requests-Tier1", "0.000005"), ("Requests-Tier2", "0.0000004"),
            ("User-Enterprise-Month", "24"), ("Author-Month", "24"), ("Capacity-400K-Usage", "250"),
            ("Paid-Session", "0.3"), ("SPICE", "0.38"), ("Alerts-Evaluations", "0.005"), ("Lambda-GB-Second", "0.0000166667"),
        ]
        let price = prices.first { usageType.hasSuffix($0.suffix) }?.price ?? "1"
        return Decimal(string: price, locale: Locale(identifier: "en_US_POSIX"))!
    }

    /// Six decimals, half away from zero: every amount stays an exact, short decimal text.
    static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 6, .plain)
        return output
    }
}
