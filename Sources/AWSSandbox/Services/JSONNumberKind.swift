import Foundation

/// What a number decoded by `JSONSerialization` was in the JSON text. An `NSNumber` casts to
/// `Bool`, `Int` and `Double` alike, so the kind is read from its storage type instead.
enum JSONNumberKind: Equatable {
    case boolean, integer, fraction

    init(_ number: NSNumber) {
        switch String(cString: number.objCType) {
        case "c", "B": self = .boolean
        case "f", "d": self = .fraction
        default: self = .integer
        }
    }
}
