import Foundation

extension Date {
    /// Whole milliseconds since 1970, rounded to nearest: the one conversion stored execution
    /// times, the clock's "now" and wire timestamps share, so they compare exactly.
    var epochMillis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
