import ChargebackModel
import Foundation

/// The month's folder was published, complete, but the months index could not be written after
/// it: the month is readable at its path, only the list of months does not show it yet.
public struct MonthsIndexNotWritten: Error, CustomStringConvertible {
    public var month: BillingMonth
    /// The published month folder.
    public var monthFolder: String
    /// The months index that was not updated.
    public var index: String
    public var reason: String

    public var description: String {
        "the reports for \(month.title) were written to \(monthFolder), but the months index \(index) was not updated "
            + "(\(reason)): it does not list \(month) yet; the next render or report into the same folder writes it again"
    }
}
