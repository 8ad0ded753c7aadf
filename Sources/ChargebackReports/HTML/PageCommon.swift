import ChargebackModel
import Foundation

/// What every month page shows at its top and bottom, pre-formatted.
struct PageHeader {
    var month: String
    var monthTitle: String
    var currency: String
    var centralAccount: String
    var costMetric: String
    var costMetricLabel: String
    var period: String
    var status: String
    var statusComplete: Bool
    var dataFinal: Bool
    var hasCollectedAt: Bool
    var collectedAt: String

    init(_ report: ChargebackReport) {
        month = report.month.text
        monthTitle = report.month.title
        currency = report.currency
        centralAccount = report.central.accountId
        costMetric = report.costMetric
        costMetricLabel = Self.label(ofMetric: report.costMetric)
        period = "\(report.periodStart) to \(report.periodEnd) (end exclusive), UTC"
        status = report.dataQuality.contains { $0.kind == .monthToDate } ? "month to date" : report.status.rawValue
        statusComplete = report.status == .complete
        dataFinal = report.costDataFinal
        hasCollectedAt = report.run != nil
        collectedAt = report.run.map { DateFormat.minute($0.collectedAt) } ?? ""
    }

    /// `NetUnblendedCost` → `Net unblended cost`.
    static func label(ofMetric metric: String) -> String {
        var words: [String] = []
        var current = ""
        for character in metric {
            if character.isUppercase, !current.isEmpty { words.append(current); current = "" }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        guard let first = words.first else { return metric }
        return ([first] + words.dropFirst().map { $0.lowercased() }).joined(separator: " ")
    }
}

struct PageFooter {
    var toolName: String
    var toolVersion: String
    var hasRun: Bool
    var runId: String
    var costExplorerRequests: String
    var generatedAt: String
    var schemaVersion: String

    init(_ report: ChargebackReport) {
        toolName = report.tool.name
        toolVersion = report.tool.version
        hasRun = report.run != nil
        runId = report.run?.runId ?? ""
        costExplorerRequests = report.run.map { String($0.costExplorerRequests) } ?? ""
        generatedAt = DateFormat.minute(report.generatedAt)
        schemaVersion = report.schemaVersion
    }
}

struct NoteView {
    var kind: String
    var message: String
    var hasLink: Bool
    var link: String

    init(_ note: DataQualityNote, linkUnits: Set<String>) {
        kind = Self.label(of: note.kind)
        message = note.message
        let unit = note.businessUnitId.flatMap { linkUnits.contains($0) ? $0 : nil }
        hasLink = unit != nil
        link = unit.map { "\($0).html" } ?? ""
    }

    static func label(of kind: DataQualityNote.Kind) -> String {
        switch kind {
        case .estimatedCostData: "Estimated cost data"
        case .failedBusinessUnit: "Business unit failed"
        case .partialBusinessUnit: "Business unit incomplete"
        case .athenaVariance: "Athena variance"
        case .historyGap: "History gap"
        case .centralUnavailable: "Central account unavailable"
        case .zeroDriverTotal: "Allocation not applied"
        case .serviceWithoutCost: "Service without cost"
        case .queriesStillRunning: "Queries still running"
        case .notCollected: "Not collected"
        case .monthToDate: "Month to date"
        }
    }
}

/// A headline figure at the top of a page: a label, a value in a unit, a line of detail.
struct Figure {
    var label: String
    var value: String
    var unit: String
    var detail: String

    /// A chargeback total's change against the previous month: `+69.25` USD, `+7.1% on 980.00`.
    static func change(_ change: Decimal, fraction: Decimal?, previous: Decimal?, currency: String) -> Figure {
        Figure(label: "Change against the previous month", value: MoneyFormat.signedGrouped(change), unit: currency,
               detail: (fraction.map { MoneyFormat.signedPercent($0) + " on " } ?? "from ")
                   + (previous.map { MoneyFormat.grouped($0) } ?? "—"))
    }
}

/// A formatted amount and whether it is negative (a credit), so the page can mark it in text.
struct AmountText {
    var text: String
    var negative: Bool
    var empty: Bool

    init(_ value: Decimal?) {
        text = value.map { MoneyFormat.grouped($0) } ?? "—"
        negative = (value ?? 0) < 0
        empty = value == nil
    }
}

/// A byte count for people, with the exact count for the `title` attribute.
struct BytesText {
    var text: String
    var exact: String

    init(_ bytes: Int64) {
        text = ByteFormat.human(bytes)
        exact = ByteFormat.exact(bytes)
    }
}

extension QuickCostCategory {
    var label: String {
        switch self {
        case .sessions: "Sessions"
        case .spice: "SPICE capacity"
        case .users: "Users"
        case .other: "Other"
        }
    }
}

extension CollectionStatus {
    /// For a table cell: one word.
    var shortLabel: String {
        switch self {
        case .complete: "Complete"
        case .partial: "Partial"
        case .failed: "Failed"
        }
    }

    var label: String {
        switch self {
        case .complete: "Complete"
        case .partial: "Partial: some data missing"
        case .failed: "Failed: no figures"
        }
    }
}
