import ChargebackTestSupport
import ChargebackModel
import Foundation
import Testing
@testable import ChargebackReports

@Suite("report.json against docs/report.schema.json")
struct JSONSchemaTests {
    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: Data(contentsOf: Rendered.repository.appendingPathComponent("docs/report.schema.json")))
    }

    static var reports: [(String, ChargebackReport)] {
        var complete = ReportFixture.report()
        complete.businessUnits.removeLast()
        complete.run = nil
        complete.dataQuality = []
        return [("fixture", ReportFixture.report()), ("injection corpus", InjectionCorpus.report()), ("no run, two units", complete)]
    }

    @Test("every produced report.json validates against the schema")
    func validates() throws {
        let validator = try Self.validator()
        for (label, report) in Self.reports {
            let data = try #require(try Rendered.files(report)["report.json"])
            let errors = try validator.validate(data)
            #expect(errors.isEmpty, "\(label): \(errors)")
            #expect(Rendered.text(data).contains("\"schema_version\" : \"1.0\""))
        }
    }

    @Test("the validator rejects what the schema forbids")
    func rejects() throws {
        let validator = try Self.validator()
        let data = try #require(try Rendered.files()["report.json"])
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object.removeValue(forKey: "currency")
        object["surprise"] = 1
        var units = try #require(object["business_units"] as? [[String: Any]])
        units[0]["status"] = "done"
        units[0]["quick_users"] = "54.00"
        object["business_units"] = units
        let errors = try validator.validate(try JSONSerialization.data(withJSONObject: object))
        #expect(errors.contains("$: required key currency missing"))
        #expect(errors.contains("$: key surprise not allowed"))
        #expect(errors.contains { $0.hasPrefix("$.business_units[0].status: done is not one of") })
        #expect(errors.contains("$.business_units[0].quick_users: expected number, found string"))
    }
}
