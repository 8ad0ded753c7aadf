import ChargebackModel
import Foundation
import Testing
@testable import ChargebackReports

@Suite("CSV files: the columns of docs/reports.md, RFC 4180, amounts")
struct CSVTests {
    @Test("each CSV has exactly the header docs/reports.md lists")
    func headers() throws {
        let files = try Rendered.files()
        let expected: [String: String] = [
            "summary.csv": "month,business_unit_id,business_unit,account_id,cost_center,athena_billed,athena_estimated,glue,s3,other_services,consumer_total,quick_sessions,quick_spice,quick_users,quick_other,chargeback_total,budget,currency,cost_data_final,status",
            "central.csv": "month,category,usage_type,amount,currency,cost_data_final",
            "allocations.csv": "month,category,business_unit_id,method,driver,driver_value,share,amount,currency",
            "workgroups.csv": "month,business_unit_id,account_id,region,workgroup,queries,queries_billable,queries_failed,queries_cancelled,bytes_scanned,bytes_billed,estimated_cost,reconciled_cost,engine_time_ms,currency",
            "retail.csv": "month,business_unit_id,account_id,category,item,quantity,unit,amount,basis,currency",
            "invest.csv": "month,business_unit_id,account_id,category,item,quantity,unit,amount,basis,currency",
            "risk.csv": "month,business_unit_id,account_id,category,item,quantity,unit,amount,basis,currency",
        ]
        let documented = try String(contentsOf: Rendered.repository.appendingPathComponent("docs/reports.md"), encoding: .utf8)
        for (name, header) in expected {
            #expect(documented.contains("`\(header)`"), "docs/reports.md lists the columns of \(name)")
            let text = Rendered.text(files[name])
            #expect(text.hasPrefix(header + "\r\n"), "\(name)")
            #expect(!text.hasPrefix("\u{FEFF}"), "\(name) has no byte-order mark")
        }
        let focus = try CSVParser.parse(try #require(files["focus.csv"]))[0]
        for column in ["BilledCost", "EffectiveCost", "BillingCurrency", "BillingPeriodStart", "BillingPeriodEnd",
                       "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory", "ChargeDescription", "ServiceName",
                       "ServiceCategory", "SubAccountId", "SubAccountName", "ResourceId", "ResourceName", "Tags"] {
            #expect(focus.contains(column), "focus.csv has \(column)")
        }
        #expect(focus.allSatisfy { $0.first!.isUppercase || $0.hasPrefix("x_") }, "custom FOCUS columns start with x_")
    }

    @Test("every CSV parses as RFC 4180 with CRLF records and as many fields as its header")
    func rfc4180() throws {
        for (name, data) in try Rendered.files(InjectionCorpus.report()) where name.hasSuffix(".csv") {
            #expect(throws: Never.self, "\(name)") { _ = try CSVParser.records(data) }
        }
    }

    @Test("each <bu-id>.csv adds up to that unit's chargeback total", arguments: ["retail", "invest"])
    func linesAddUp(unit: String) throws {
        let report = ReportFixture.report()
        let (_, rows) = try CSVParser.records(try #require(try Rendered.files(report)["\(unit).csv"]))
        var sum = Decimal(0)
        for row in rows {
            let amount = try #require(row["amount"])
            sum += try #require(Decimal(string: amount, locale: Locale(identifier: "en_US_POSIX")))
        }
        let expected = try #require(report.businessUnits.first { $0.id == unit }?.chargebackTotal)
        #expect(sum == expected)
        #expect(rows.allSatisfy { $0["currency"] == "USD" && $0["month"] == "2026-10" })
    }

    @Test("a failed unit's amounts are empty cells in summary.csv and its own CSV has no lines")
    func failedUnit() throws {
        let files = try Rendered.files()
        let (_, rows) = try CSVParser.records(try #require(files["summary.csv"]))
        let risk = try #require(rows.first { $0["business_unit_id"] == "risk" })
        for column in ["athena_billed", "athena_estimated", "glue", "s3", "other_services", "consumer_total",
                       "quick_sessions", "quick_spice", "quick_users", "quick_other", "chargeback_total"] {
            #expect(risk[column] == "", "\(column)")
        }
        #expect(risk["status"] == "failed")
        #expect(risk["budget"] == "500.00")
        #expect(try CSVParser.records(try #require(files["risk.csv"])).rows.isEmpty)
    }

    @Test("amounts have exactly two decimals, shares six, negative credits keep their sign and no guard")
    func amounts() throws {
        let files = try Rendered.files()
        let summary = try CSVParser.records(try #require(files["summary.csv"])).rows
        let retail = try #require(summary.first { $0["business_unit_id"] == "retail" })
        #expect(retail["glue"] == "-12.50")
        #expect(retail["other_services"] == "0.00")
        #expect(retail["chargeback_total"] == "1049.25")
        #expect(retail["cost_center"] == "CC-1001")
        for row in summary {
            for column in ["athena_billed", "glue", "s3", "consumer_total", "chargeback_total", "budget"] {
                let value = row[column] ?? ""
                #expect(value.isEmpty || value.wholeMatch(of: /-?[0-9]+\.[0-9]{2}/) != nil, "\(column) \(value)")
            }
        }
        let allocations = try CSVParser.records(try #require(files["allocations.csv"])).rows
        #expect(allocations.allSatisfy { $0["share"]!.wholeMatch(of: /[0-9]+\.[0-9]{6}/) != nil })
        #expect(allocations.contains { $0["business_unit_id"] == "(central)" })
        let focus = try CSVParser.records(try #require(files["focus.csv"])).rows
        #expect(focus.count == 13)
        #expect(focus.contains { $0["BilledCost"] == "-12.50" && $0["ServiceName"] == "AWS Glue" })
    }

    @Test("money is formatted from Decimal: rounding half away from zero, grouping, no exponent", arguments: [
        ("1234.5", "1234.50", "1,234.50"), ("-0.005", "-0.01", "-0.01"), ("0.004", "0.00", "0.00"), ("-0.004", "0.00", "0.00"),
        ("1234567890123456789.125", "1234567890123456789.13", "1,234,567,890,123,456,789.13"), ("0", "0.00", "0.00"),
        ("999.995", "1000.00", "1,000.00"), ("-1000000", "-1000000.00", "-1,000,000.00"), ("0.1", "0.10", "0.10"),
    ])
    func moneyFormat(input: String, plain: String, grouped: String) throws {
        let value = try #require(Decimal(string: input, locale: Locale(identifier: "en_US_POSIX")))
        #expect(MoneyFormat.plain(value) == plain)
        #expect(MoneyFormat.grouped(value) == grouped)
    }

    @Test("percentages, bytes and shares")
    func otherFormats() {
        #expect(MoneyFormat.percent(Decimal(string: "0.0243")!) == "2.4%")
        #expect(MoneyFormat.signedPercent(Decimal(string: "0.0707")!) == "+7.1%")
        #expect(MoneyFormat.signedPercent(Decimal(string: "-0.5")!) == "-50.0%")
        #expect(MoneyFormat.plain(Decimal(string: "0.6")!, scale: 6) == "0.600000")
        #expect(ByteFormat.human(1_099_511_627_776) == "1.00 TB")
        #expect(ByteFormat.human(1_073_741_824 * 3 / 2) == "1.50 GB")
        #expect(ByteFormat.exact(1_234_567) == "1,234,567 bytes")
    }

    @Test("the formula guard prefixes text that starts with = + - @ tab or CR, and quotes what needs it")
    func guardAndQuote() {
        #expect(CSVWriter.field(.text("=1+2")) == "'=1+2")
        #expect(CSVWriter.field(.text("+1")) == "'+1")
        #expect(CSVWriter.field(.text("-1")) == "'-1")
        #expect(CSVWriter.field(.text("@SUM(A1)")) == "'@SUM(A1)")
        #expect(CSVWriter.field(.text("\tx")) == "'\tx")
        #expect(CSVWriter.field(.text("\rx")) == "\"'\rx\"")
        #expect(CSVWriter.field(.number("-12.50")) == "-12.50")
        #expect(CSVWriter.field(.text("a,b")) == "\"a,b\"")
        #expect(CSVWriter.field(.text("say \"hi\"")) == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field(.text("two\nlines")) == "\"two\nlines\"")
        #expect(CSVWriter.field(.text("crlf\r\nline")) == "\"crlf\r\nline\"")
        #expect(CSVWriter.field(.text("plain")) == "plain")
    }
}
