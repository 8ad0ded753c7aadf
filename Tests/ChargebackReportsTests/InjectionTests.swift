import ChargebackTestSupport
import ChargebackModel
import Foundation
import Testing
@testable import ChargebackReports

@Suite("Hostile names come out escaped in HTML and inert in CSV")
struct InjectionTests {
    @Test("no markup from the data reaches a page: it is escaped, and every page still parses")
    func htmlEscaped() throws {
        let files = try Rendered.files(InjectionCorpus.report(), includeQueryText: true)
        for (name, data) in files where name.hasSuffix(".html") {
            let html = Rendered.text(data)
            #expect(!html.lowercased().contains("<script"), "\(name)")
            #expect(!html.contains("<img"), "\(name)")
            #expect(!html.contains("onerror=alert(1)>"), "\(name)")
            #expect(HTMLChecker.errors(in: data).isEmpty, "\(name): \(HTMLChecker.errors(in: data))")
        }
        let index = Rendered.text(files["index.html"])
        #expect(index.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(index.contains("&quot;quoted&quot; &amp; &#39;single&#39;"))
        #expect(index.contains("Zürich 東京 ✓"))
        #expect(index.contains("{{name}}"), "a Mustache tag in the data is text, not a tag")
        let retail = Rendered.text(files["retail.html"])
        #expect(retail.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(retail.contains("<pre class=\"sql\">&lt;script&gt;"), "query text, when asked for, is escaped")
    }

    @Test("every text cell of every CSV is inert in a spreadsheet; numbers are untouched")
    func csvInert() throws {
        let files = try Rendered.files(InjectionCorpus.report())
        let numeric: Set<String> = ["athena_billed", "athena_estimated", "glue", "s3", "other_services", "consumer_total",
                                    "quick_sessions", "quick_spice", "quick_users", "quick_other", "chargeback_total",
                                    "budget", "amount", "share", "driver_value", "quantity", "queries", "queries_billable",
                                    "queries_failed", "queries_cancelled", "bytes_scanned", "bytes_billed",
                                    "estimated_cost", "reconciled_cost", "engine_time_ms", "BilledCost", "EffectiveCost", "ListCost", "ContractedCost",
                                    "ConsumedQuantity", "PricingQuantity"]
        var sawGuard = false
        for (name, data) in files where name.hasSuffix(".csv") {
            let (_, rows) = try CSVParser.records(data)
            for row in rows {
                for (column, value) in row {
                    if numeric.contains(column) {
                        #expect(value.isEmpty || Decimal(string: value) != nil && !value.hasPrefix("'"), "\(name) \(column) \(value)")
                    } else if let first = value.unicodeScalars.first {
                        #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "\(name) \(column) \(value)")
                        sawGuard = sawGuard || value.hasPrefix("'=") || value.hasPrefix("'+")
                    }
                }
            }
        }
        #expect(sawGuard)
        let summary = try CSVParser.records(try #require(files["summary.csv"])).rows
        #expect(summary[0]["cost_center"] == "'" + InjectionCorpus.strings[2])
        #expect(summary[1]["business_unit"] == InjectionCorpus.strings[7] + " " + InjectionCorpus.strings[8])
        #expect(summary[1]["cost_center"] == "'\ttabbed")
        #expect(summary[2]["business_unit"] == "'\rcarriage Zürich 東京 ✓")
        #expect(summary[0]["glue"] == "-12.50", "a negative number is not guarded")
    }

    @Test("Markdown leaves markup and table pipes inert")
    func markdownInert() throws {
        let md = Rendered.text(try Rendered.files(InjectionCorpus.report())["summary.md"])
        #expect(!md.contains("<script"))
        #expect(md.contains("&lt;script&gt;"))
        for line in md.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("|---") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false)
            #expect(cells.count == 8 || cells.count == 4, "\(line)")
        }
    }
}
