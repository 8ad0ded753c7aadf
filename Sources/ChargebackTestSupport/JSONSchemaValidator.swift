import Foundation

/// Validates a JSON document against the subset of JSON Schema draft 2020-12 that
/// docs/report.schema.json uses: `type` (one or a list), `properties`, `required`,
/// `additionalProperties` (false or a schema), `items`, `enum`, `const`, `pattern`, `$ref` to
/// `#/$defs/...`. A keyword outside that subset is an error, so the schema cannot silently grow
/// past what is checked.
public struct JSONSchemaValidator {
    let root: [String: Any]
    static let known: Set<String> = ["$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties",
                                     "required", "additionalProperties", "items", "enum", "const", "pattern", "format"]

    public init(schema data: Data) throws {
        root = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Every violation, as `path: what is wrong`.
    public func validate(_ data: Data) throws -> [String] {
        let document = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        var errors: [String] = []
        check(document, against: root, path: "$", errors: &errors)
        return errors
    }

    private func resolve(_ ref: String) -> [String: Any]? {
        guard ref.hasPrefix("#/$defs/"), let defs = root["$defs"] as? [String: Any] else { return nil }
        return defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any]
    }

    private func check(_ value: Any, against schema: [String: Any], path: String, errors: inout [String]) {
        for key in schema.keys where !Self.known.contains(key) { errors.append("\(path): schema keyword \(key) not supported") }
        if let ref = schema["$ref"] as? String {
            guard let target = resolve(ref) else { errors.append("\(path): unresolved \(ref)"); return }
            check(value, against: target, path: path, errors: &errors)
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as! String]
            guard types.contains(where: { Self.matches(value, type: $0) }) else {
                errors.append("\(path): expected \(types.joined(separator: " or ")), found \(Self.kind(of: value))")
                return
            }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path): \(value) is not one of \(allowed)")
        }
        if let constant = schema["const"], !Self.equal(constant, value) { errors.append("\(path): expected \(constant)") }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            errors.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                errors.append("\(path): required key \(key) missing")
            }
            for (key, child) in object {
                if let propertySchema = properties[key] as? [String: Any] {
                    check(child, against: propertySchema, path: "\(path).\(key)", errors: &errors)
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool, !allowed {
                        errors.append("\(path): key \(key) not allowed")
                    } else if let additionalSchema = additional as? [String: Any] {
                        check(child, against: additionalSchema, path: "\(path).\(key)", errors: &errors)
                    }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() {
                check(element, against: items, path: "\(path)[\(index)]", errors: &errors)
            }
        }
    }

    static func isBool(_ value: Any) -> Bool {
        // JSONSerialization gives true and false as NSNumber of the C type `char`.
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBool(value)
        case "number": return value is NSNumber && !isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(number) else { return false }
            // Through Double: Foundation may parse a large integer as one, and its Decimal
            // conversion is not exact; any whole number of 15 digits or fewer survives a Double.
            let value = number.doubleValue
            return value.rounded() == value
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return false
        }
    }

    static func kind(of value: Any) -> String {
        ["null", "boolean", "integer", "number", "string", "array", "object"].first { matches(value, type: $0) } ?? "unknown"
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = a as? NSNumber, let b = b as? NSNumber { return a == b }
        return false
    }
}

