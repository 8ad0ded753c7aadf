import AWSCore
import AWSServices
import ChargebackModel
import ChargebackStore
import Foundation

/// Finds the Cost Explorer `SERVICE` value of Quick's costs (`quick_service_name: auto`): Cost
/// Explorer's GetDimensionValues lists the SERVICE values containing "Quick" that the central
/// account has costs under in the period, and exactly one of them must name Quick or QuickSight
/// (Quick was renamed: "Amazon QuickSight", "Amazon Quick", …).
struct QuickServiceNameLookup: Sendable {
    static let searchString = "Quick"

    let costExplorer: CostExplorerClient
    let accountId: String
    /// Counts the requests (pages); each costs $0.01 like GetCostAndUsage.
    let pages: PageCounter

    /// Whether a SERVICE value names Quick: the word Quick, or QuickSight (also "Quick Sight"), in any case.
    static func namesQuick(_ value: String) -> Bool {
        value.range(of: #"(?i)\bquick\s?(sight)?\b"#, options: .regularExpression) != nil
    }

    /// The one SERVICE value naming Quick in `period`, or a `QuickServiceNameError` saying what was found.
    func find(in period: CostDateInterval, month: String) async throws -> String {
        let input = GetDimensionValuesInput(timePeriod: period, dimension: "SERVICE", searchString: Self.searchString)
        var listed: [String] = []
        for try await page in costExplorer.getDimensionValuesPages(input, counter: pages) {
            listed += page.dimensionValues.compactMap(\.value)
        }
        let matching = Array(Set(listed.filter(Self.namesQuick))).sorted()
        guard matching.count == 1 else {
            throw QuickServiceNameError(accountId: accountId, period: month, listed: Array(Set(listed)).sorted(), matching: matching)
        }
        return matching[0]
    }

    /// The value the store holds for a closed month (found after it closed), which is never asked
    /// for again; nil otherwise.
    static func storedFinalName(store: ChargebackStore, accountId: String, month: BillingMonth) throws -> String? {
        guard let found = try store.foundQuickServiceName(accountId: accountId, month: month), found.final else { return nil }
        return found.name
    }

    /// The month's value: from the store when it was found after the month closed, else asked for
    /// (and kept). Nil for a month that has not started, which Cost Explorer cannot be asked about.
    func name(for month: BillingMonth, store: ChargebackStore, now: Date) async throws -> String? {
        guard month.start <= now else { return nil }
        let accountId = self.accountId
        if let stored = try await runBlocking({ try Self.storedFinalName(store: store, accountId: accountId, month: month) }) {
            return stored
        }
        let name = try await find(in: CostDateInterval(start: month.firstDayText, end: month.endDayText), month: month.text)
        let found = FoundQuickServiceName(name: name, final: month.next.start <= now)
        try await runBlocking { try store.saveFoundQuickServiceName(found, accountId: accountId, month: month, at: now) }
        return name
    }
}

/// No SERVICE value, or several, named Quick: the user must say which (`central.quick_service_name`).
public struct QuickServiceNameError: Error, Sendable, Equatable, CustomStringConvertible {
    static let notFoundCode = "QuickServiceNameNotFound"
    static let ambiguousCode = "QuickServiceNameAmbiguous"

    public var accountId: String
    /// The month (or period) searched.
    public var period: String
    /// Every value the search returned.
    public var listed: [String]
    /// The values naming Quick: none, or more than one.
    public var matching: [String]

    public var code: String { matching.isEmpty ? Self.notFoundCode : Self.ambiguousCode }

    public var description: String {
        let quoted = { (values: [String]) in values.map { "'\(EchoedValue.cut($0))'" }.joined(separator: ", ") }
        if matching.isEmpty {
            let found = listed.isEmpty ? "nothing" : quoted(listed)
            return "no Cost Explorer SERVICE value in account \(accountId) for \(period) matches Quick or QuickSight "
                + "(SearchString '\(QuickServiceNameLookup.searchString)' found: \(found)); "
                + "set central.quick_service_name to the SERVICE value of Quick's costs"
        }
        return "several Cost Explorer SERVICE values in account \(accountId) for \(period) match Quick or QuickSight: "
            + "\(quoted(matching)); set central.quick_service_name to the one to charge back"
    }
}
