import ChargebackModel
import Foundation

/// `report.json`: the report model as it is, snake_case keys (`schema_version`), sorted keys,
/// ISO 8601 dates, pretty-printed. docs/report.schema.json describes it.
enum ReportJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// Reads `report.json` back into the model. Snake case loses the capitals of an acronym
    /// (`athena_price_per_tb`), so the few such keys are mapped back by name.
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.keyDecodingStrategy = .custom { path in
            let key = path.last!.stringValue
            let parts = key.split(separator: "_")
            guard parts.count > 1 else { return AnyKey(key) }
            let camel = String(parts[0]) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            return AnyKey(acronyms[camel] ?? camel)
        }
        return decoder
    }

    static let acronyms = ["athenaPricePerTb": "athenaPricePerTB", "athenaPricePerTbByRegion": "athenaPricePerTBByRegion"]

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func render(_ report: ChargebackReport) throws -> ReportFile {
        var data = try encoder().encode(report)
        data.append(UInt8(ascii: "\n"))
        return ReportFile(name: "report.json", data: data)
    }
}
