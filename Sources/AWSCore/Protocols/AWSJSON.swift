import Foundation

/// JSON coding as AWS's JSON protocols use it: timestamps arrive as epoch seconds (a number,
/// often with a fraction) or as ISO 8601 strings with or without fractional seconds.
public enum AWSJSON {
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            let text = try container.decode(String.self)
            if let date = AWSTimestamp.parse(text) { return date }
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp: \(text)")
        }
        return decoder
    }

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.timeIntervalSince1970)
        }
        return encoder
    }
}

/// Parses the timestamp forms AWS sends.
public enum AWSTimestamp {
    /// ISO 8601 with or without fractional seconds (any number of digits), "Z" or an offset;
    /// RFC 1123 (HTTP dates); or epoch seconds as text.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = parseISO8601(trimmed) { return date }
        if let seconds = Double(trimmed) { return Date(timeIntervalSince1970: seconds) }
        let http = DateFormatter()
        http.locale = Locale(identifier: "en_US_POSIX")
        http.timeZone = TimeZone(identifier: "GMT")
        http.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return http.date(from: trimmed)
    }

    private static func parseISO8601(_ text: String) -> Date? {
        // Split off the fraction ourselves: Foundation's formatter takes exactly 3 digits only.
        var main = text
        var fraction = 0.0
        if let dot = text.firstIndex(of: "."), dot > text.startIndex {
            let afterDot = text[text.index(after: dot)...]
            let digits = afterDot.prefix { $0.isNumber }
            guard !digits.isEmpty else { return nil }
            fraction = Double("0." + digits) ?? 0
            main = String(text[..<dot]) + afterDot.dropFirst(digits.count)
        }
        // A timestamp without a zone designator (some emulators send them) is taken as UTC.
        let hasZone = main.hasSuffix("Z") || main.hasSuffix("z")
            || main.range(of: #"[+-]\d{2}:?\d{2}$"#, options: .regularExpression) != nil
        if !hasZone, main.contains("T") { main += "Z" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: main) else { return nil }
        return date.addingTimeInterval(fraction)
    }

    public static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
