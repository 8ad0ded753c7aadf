import Foundation

/// The decoded JSON body of a JSON 1.1 request, with typed accessors that answer malformed
/// members with the error the service itself would send.
struct EngineRequestBody {
    let members: [String: Any]
    private let invalid: (String) -> SandboxAPIError

    init(_ data: Data, invalid: @escaping (String) -> SandboxAPIError) throws(SandboxAPIError) {
        self.invalid = invalid
        if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            members = [:]
            return
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let dictionary = object as? [String: Any] else {
            throw SandboxAPIError(code: "SerializationException", message: "The request body is not a JSON object.")
        }
        members = dictionary
    }

    func string(_ key: String) throws(SandboxAPIError) -> String? {
        guard let value = members[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else { throw invalid("\(key) must be a string.") }
        return text
    }

    /// A JSON integer member within `range` (the model's bounds); a string, a boolean, a
    /// fraction or a number beyond Int32 is refused, never coerced.
    func integer(_ key: String, range: ClosedRange<Int> = Int(Int32.min)...Int(Int32.max)) throws(SandboxAPIError) -> Int? {
        guard let value = members[key], !(value is NSNull) else { return nil }
        guard let number = value as? NSNumber, JSONNumberKind(number) == .integer else {
            throw invalid("\(key) must be an integer; it was \(Self.shown(value)).")
        }
        guard let integer = Int(exactly: number.doubleValue), range.contains(integer),
              number.stringValue == String(integer) else {
            throw invalid("\(key) must be between \(range.lowerBound) and \(range.upperBound); it was \(number.stringValue).")
        }
        return integer
    }

    private static func shown(_ value: Any) -> String {
        let text = value is String ? "\"\(value)\"" : "\(value)"
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    func strings(_ key: String) throws(SandboxAPIError) -> [String]? {
        guard let value = members[key], !(value is NSNull) else { return nil }
        guard let list = value as? [Any] else { throw invalid("\(key) must be a list of strings.") }
        var texts: [String] = []
        for item in list {
            guard let text = item as? String else { throw invalid("\(key) must be a list of strings.") }
            texts.append(text)
        }
        return texts
    }
}
