import Foundation

/// One CSV cell. Text and numbers are kept apart so the formula-injection guard touches text only.
enum CSVCell: Equatable {
    /// Text from a name, id or description: guarded against spreadsheet formulas.
    case text(String)
    /// An already formatted number (`-12.50`, `1048576`): written as is, never guarded.
    case number(String)
    /// An absent value (a failed unit's amounts): an empty cell.
    case empty

    /// An amount with exactly two decimals; nil becomes an empty cell.
    static func money(_ value: Decimal?) -> CSVCell {
        value.map { .number(MoneyFormat.plain($0)) } ?? .empty
    }

    /// A decimal with `scale` decimals (a share with 6); nil becomes an empty cell.
    static func decimal(_ value: Decimal?, scale: Int) -> CSVCell {
        value.map { .number(MoneyFormat.plain($0, scale: scale)) } ?? .empty
    }

    /// A decimal written with its own digits (driver values, quantities); nil becomes empty.
    static func exact(_ value: Decimal?) -> CSVCell {
        value.map { .number($0.description) } ?? .empty
    }

    static func integer<T: BinaryInteger>(_ value: T) -> CSVCell { .number(String(value)) }

    static func optionalText(_ value: String?) -> CSVCell { value.map { .text($0) } ?? .empty }

    static func bool(_ value: Bool) -> CSVCell { .text(value ? "true" : "false") }
}
