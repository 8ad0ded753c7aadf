import Foundation

/// The two renderings of the signing instant SigV4 uses, both in UTC:
/// `amzDate` (yyyyMMdd'T'HHmmss'Z') for `X-Amz-Date`, and `dateStamp` (yyyyMMdd) for the scope.
struct SigV4Timestamp: Sendable, Equatable {
    let amzDate: String
    let dateStamp: String

    /// A fixed Gregorian UTC calendar: the user's locale and time zone must not change the signature.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    init(_ date: Date) {
        let parts = Self.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        dateStamp = String(format: "%04d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        amzDate = dateStamp + String(format: "T%02d%02d%02dZ", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
