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

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    static func render(_ report: ChargebackReport) throws -> ReportFile {
        var data = try encoder().encode(report)
        data.append(UInt8(ascii: "\n"))
        return ReportFile(name: "report.json", data: data)
    }
}
