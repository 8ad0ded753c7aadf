import ChargebackModel
import Foundation

/// Notes about Estimated cost data: one for the organisation when every source is estimated,
/// otherwise one per estimated source.
enum EstimatedCostNotes {
    /// - Parameters:
    ///   - units: each usable unit's id and whether it uses Estimated costs.
    ///   - central: whether the central account uses Estimated costs; nil when it could not be read.
    static func notes(units: [(id: String, estimated: Bool)], central: Bool?, month: BillingMonth) -> [DataQualityNote] {
        let sources = units.map(\.estimated) + (central.map { [$0] } ?? [])
        guard sources.contains(true) else { return [] }
        if !sources.contains(false) {
            return [DataQualityNote(kind: .estimatedCostData, businessUnitId: nil, message:
                "All cost data for \(month.title) is estimated: Cost Explorer has not closed the month, so every "
                    + "amount may still change.")]
        }
        var notes = units.filter(\.estimated).map { unit in
            DataQualityNote(kind: .estimatedCostData, businessUnitId: unit.id, message:
                "\(unit.id)'s costs are estimates: Cost Explorer has not closed \(month.title) for its account, so "
                    + "they may still change.")
        }
        if central == true {
            notes.append(DataQualityNote(kind: .estimatedCostData, businessUnitId: nil, message:
                "The central Quick costs are estimates: Cost Explorer has not closed \(month.title) for the central "
                    + "account, so they and their allocations may still change."))
        }
        return notes
    }
}

/// The order a reader meets the notes in: what is missing first, then what may change, then what
/// to check.
enum DataQualityOrder {
    static let priority: [DataQualityNote.Kind] = [
        .monthToDate, .centralUnavailable, .failedBusinessUnit, .notCollected, .partialBusinessUnit, .estimatedCostData,
        .historyGap, .athenaVariance, .zeroDriverTotal, .serviceWithoutCost, .queriesStillRunning,
    ]

    static func sorted(_ notes: [DataQualityNote]) -> [DataQualityNote] {
        notes.enumerated().sorted { lhs, rhs in
            let left = priority.firstIndex(of: lhs.element.kind) ?? priority.count
            let right = priority.firstIndex(of: rhs.element.kind) ?? priority.count
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
