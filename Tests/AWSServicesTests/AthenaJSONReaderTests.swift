@testable import AWSCore
import AWSServices
import ChargebackTestSupport
import Foundation
import PropertyBased
import Testing

/// The hand-written readers of Athena's execution pages must accept what `JSONDecoder` and the
/// shapes' `Decodable` conformances accept, read the same values, and refuse what they refuse.
@Suite("Athena execution pages read by JSONReader, against JSONDecoder")
struct AthenaJSONReaderTests {
    static let seeds = Gen.uint64(in: 0...UInt64.max)

    static func viaDecoder<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? AWSJSON.decoder().decode(T.self, from: Data(text.utf8))
    }

    static func viaReader<T: JSONReaderDecodable>(_ type: T.Type, _ text: String) -> Result<T, JSONReaderError> {
        Result { () throws(JSONReaderError) in try JSONReader.decode(T.self, from: Data(text.utf8)) }
    }

    @Test("random BatchGetQueryExecution answers read the same both ways")
    func randomPagesAgree() async {
        await propertyCheck(count: 300, input: Self.seeds) { seed in
            var random = SeededGenerator(seed: seed)
            let text = RandomAthenaJSON.batchGetAnswer(&random)
            let expected = Self.viaDecoder(BatchGetQueryExecutionOutput.self, text)
            #expect(expected != nil, "JSONDecoder refused a well-formed answer: \(text)")
            switch Self.viaReader(BatchGetQueryExecutionOutput.self, text) {
            case .success(let read): #expect(read == expected, "seed \(seed)")
            case .failure(let error): Issue.record("the reader refused a well-formed answer (\(error)): \(text)")
            }
        }
    }

    @Test("random ListQueryExecutions answers read the same both ways")
    func randomListPagesAgree() async {
        await propertyCheck(count: 200, input: Self.seeds) { seed in
            var random = SeededGenerator(seed: seed)
            let text = RandomAthenaJSON.listAnswer(&random)
            let expected = Self.viaDecoder(ListQueryExecutionsOutput.self, text)
            #expect(expected != nil)
            #expect((try? Self.viaReader(ListQueryExecutionsOutput.self, text).get()) == expected, "\(text)")
        }
    }

    /// Cut anywhere, a document is refused (never a crash, never a partial value).
    @Test func everyTruncationIsRefused() {
        var random = SeededGenerator(seed: 7)
        let text = RandomAthenaJSON.batchGetAnswer(&random)
        let bytes = Array(text.utf8)
        for length in 0..<bytes.count {
            let cut = String(decoding: bytes[..<length], as: UTF8.self)
            if case .success = Self.viaReader(BatchGetQueryExecutionOutput.self, cut) {
                Issue.record("a document cut at byte \(length) was accepted: \(cut)")
            }
        }
    }

    /// Damaged documents: whatever the reader accepts, JSONDecoder accepts too, with the same value.
    @Test("a damaged answer the reader accepts reads the same through JSONDecoder")
    func damagedAnswersAreNeverReadDifferently() async {
        await propertyCheck(count: 400, input: Self.seeds) { seed in
            var random = SeededGenerator(seed: seed)
            var bytes = Array(RandomAthenaJSON.batchGetAnswer(&random).utf8)
            let damage: [UInt8] = Array("{}[]\",:\\ 0-.eEtfnu\u{1}".utf8) + [0xC3, 0xFF]
            for _ in 0...random.next(below: 3) {
                bytes[random.next(below: bytes.count)] = damage[random.next(below: damage.count)]
            }
            let data = Data(bytes)
            guard let read = try? JSONReader.decode(BatchGetQueryExecutionOutput.self, from: data) else { return }
            #expect((try? AWSJSON.decoder().decode(BatchGetQueryExecutionOutput.self, from: data)) == read,
                    "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test func refusalsNameTheMemberAndTheByte() {
        let wrongType = #"{"QueryExecutions":[{"QueryExecutionId":"a"},{"Statistics":{"DataScannedInBytes":"12"}}]}"#
        guard case .failure(let error) = Self.viaReader(BatchGetQueryExecutionOutput.self, wrongType) else {
            Issue.record("a string for a number was accepted"); return
        }
        #expect(error.path == ["QueryExecutions", "[1]", "Statistics", "DataScannedInBytes"])
        #expect(error.description.hasPrefix("QueryExecutions[1].Statistics.DataScannedInBytes: expected a value"))
        #expect(error.offset == wrongType.utf8.count - 8)

        let missing = #"{"QueryExecutions":[{"Statistics":{"ResultReuseInformation":{}}}]}"#
        guard case .failure(let missingError) = Self.viaReader(BatchGetQueryExecutionOutput.self, missing) else {
            Issue.record("a required member's absence was accepted"); return
        }
        #expect(missingError.description.contains("ResultReuseInformation: the member ReusedPreviousResult is missing"))
        #expect(Self.viaDecoder(BatchGetQueryExecutionOutput.self, missing) == nil)

        let lowSurrogate = #"{"QueryExecutions":[{"Query":"\udc00x"}]}"#
        guard case .failure(let surrogateError) = Self.viaReader(BatchGetQueryExecutionOutput.self, lowSurrogate) else {
            Issue.record("a lone low surrogate was accepted"); return
        }
        #expect(surrogateError.reason == "a low surrogate escape without a high one")
    }

    /// Strictness JSONDecoder shares: each of these is refused by both.
    @Test(arguments: [
        #"{"QueryExecutions":[]} x"#,                                      // text after the document
        #"{"QueryExecutions":[{"Query":"a\qb"}]}"#,                        // unknown escape
        "{\"QueryExecutions\":[{\"Query\":\"a\u{1}b\"}]}",                 // bare control character
        "{\"QueryExecutions\":[{\"Query\":\"\\n\u{1}b\"}]}",              // … after an escape
        #"{"QueryExecutions":[{"Query":"\ud800"}]}"#,                      // lone high surrogate
        #"{"QueryExecutions":[{"Query":"\udc00x"}]}"#,                     // lone low surrogate
        #"{"QueryExecutions":[{"Statistics":{"DataScannedInBytes":01}}]}"#, // leading zero
        #"{"QueryExecutions":[{"Statistics":{"DataScannedInBytes":1.5}}]}"#, // fraction for an integer
        #"{"QueryExecutions":[{"Statistics":{"DataScannedInBytes":9223372036854775808}}]}"#, // past Int64
        #"{"QueryExecutions":[{"Statistics":{"DpuCount":1e999}}]}"#,       // not a finite Double
        #"{"QueryExecutions":[{"Status":{"State":7}}]}"#,                  // a number for a string
        #"{"QueryExecutions":[{"Status":{"SubmissionDateTime":true}}]}"#,  // a bool for a time
        #"{"QueryExecutions":{}}"#,                                         // an object for an array
        #"["QueryExecutions"]"#,                                            // not an object
        #"{"QueryExecutions":[{"ResultConfiguration":{"EncryptionConfiguration":{"KmsKey":"k"}}}]}"#, // required member
        #"{"QueryExecutions":[nul]}"#,
        "",
    ])
    func refusedLikeJSONDecoder(_ text: String) {
        #expect(Self.viaDecoder(BatchGetQueryExecutionOutput.self, text) == nil, "JSONDecoder accepts \(text)")
        if case .success(let value) = Self.viaReader(BatchGetQueryExecutionOutput.self, text) {
            Issue.record("the reader accepted \(text) as \(value)")
        }
    }

    /// A garbled answer nested a million levels deep is refused with a message, not a crash;
    /// 500 levels (under the limit) in an unknown member are skipped.
    @Test func deepNestingIsRefusedNotACrash() throws {
        let deep = #"{"Unknown":"# + String(repeating: "[", count: 1_000_000) + String(repeating: "]", count: 1_000_000) + "}"
        guard case .failure(let error) = Self.viaReader(BatchGetQueryExecutionOutput.self, deep) else {
            Issue.record("a million levels were accepted"); return
        }
        #expect(error.reason == "nested more than 512 levels deep")
        let nested = #"{"Unknown":"# + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "}"
        #expect(try JSONReader.decode(BatchGetQueryExecutionOutput.self, from: Data(nested.utf8)).queryExecutions == [])
        let long = #"{"QueryExecutions":[{"Statistics":{"DataScannedInBytes":1"# + String(repeating: "0", count: 5_000) + "}}]}"
        guard case .failure(let longError) = Self.viaReader(BatchGetQueryExecutionOutput.self, long) else {
            Issue.record("a 5,000-digit number was accepted"); return
        }
        #expect(longError.description.count < 200, "\(longError)")
    }

    /// RFC 8259 has no trailing commas; this JSONDecoder lets one through after the last member,
    /// the reader does not (stricter is allowed, never more lenient).
    @Test func trailingCommasAreRefused() {
        for text in [#"{"QueryExecutions":[],}"#, #"{"QueryExecutionIds":["a",]}"#] {
            if case .success = Self.viaReader(BatchGetQueryExecutionOutput.self, text) { Issue.record("accepted \(text)") }
            if case .success = Self.viaReader(ListQueryExecutionsOutput.self, text) { Issue.record("accepted \(text)") }
        }
    }

    /// Found by the differential fuzzer (Fuzz/Corpus/athena-json/duplicate-key.json): JSONDecoder
    /// keeps the first of two same-named members, a forward reader kept the last, so the two read
    /// different tokens. A member the shape reads twice is now refused; skipped ones may repeat.
    @Test func repeatedMembersAreRefused() throws {
        let list = #"{"NextToken":"a","NextToken":"b","QueryExecutionIds":[]}"#
        #expect(Self.viaDecoder(ListQueryExecutionsOutput.self, list)?.nextToken == "a")
        guard case .failure(let error) = Self.viaReader(ListQueryExecutionsOutput.self, list) else {
            Issue.record("a repeated NextToken was accepted"); return
        }
        #expect(error.reason == "the member NextToken appears more than once")
        #expect(error.offset == 17)

        let nested = #"{"QueryExecutions":[{"Query":"a","Qu\u0065ry":"b"}]}"#
        guard case .failure(let nestedError) = Self.viaReader(BatchGetQueryExecutionOutput.self, nested) else {
            Issue.record("a repeated Query (one spelled with an escape) was accepted"); return
        }
        #expect(nestedError.path == ["QueryExecutions", "[0]"])

        let skipped = #"{"Other":1,"Other":{"NextToken":"x"},"QueryExecutionIds":["q"],"NextToken":"t"}"#
        let read = try JSONReader.decode(ListQueryExecutionsOutput.self, from: Data(skipped.utf8))
        #expect(read == ListQueryExecutionsOutput(queryExecutionIds: ["q"], nextToken: "t"))
        #expect(read == Self.viaDecoder(ListQueryExecutionsOutput.self, skipped))
    }

    /// Escapes, non-ASCII text and a surrogate pair, read as JSONDecoder reads them.
    @Test func escapesAndUnicodeReadTheSame() throws {
        let text = #"{"QueryExecutions":[{"Query":"SELECT \"é\" -- \u00e9 \ud83d\ude00 \/ \\ \b\f\n\r\t","WorkGroup":"prim\u0061ry"}]}"#
        let read = try JSONReader.decode(BatchGetQueryExecutionOutput.self, from: Data(text.utf8))
        #expect(read.queryExecutions.first?.query == "SELECT \"é\" -- é 😀 / \\ \u{8}\u{c}\n\r\t")
        #expect(read.queryExecutions.first?.workGroup == "primary")
        #expect(read == Self.viaDecoder(BatchGetQueryExecutionOutput.self, text))
    }
}

extension SeededGenerator {
    mutating func next(below bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }
    mutating func chance(_ percent: Int) -> Bool { next(below: 100) < percent }
}

/// Athena answers as JSON text with everything a real or odd answer may hold: members in any
/// order, any whitespace, nulls and absent members, unknown members of every kind, escapes,
/// non-ASCII text, integers at the limits and timestamps in both forms.
enum RandomAthenaJSON {
    static func batchGetAnswer(_ random: inout SeededGenerator) -> String {
        let executions = (0..<random.next(below: 4)).map { _ in execution(&random) }
        let unprocessed = (0..<random.next(below: 3)).map { _ in
            object(&random, [("QueryExecutionId", string(&random)), ("ErrorCode", string(&random)),
                             ("ErrorMessage", string(&random))])
        }
        return object(&random, [("QueryExecutions", "[" + executions.joined(separator: ",") + "]"),
                                ("UnprocessedQueryExecutionIds", "[" + unprocessed.joined(separator: ",") + "]")])
    }

    static func listAnswer(_ random: inout SeededGenerator) -> String {
        let ids = (0..<random.next(below: 6)).map { _ in string(&random) }
        return object(&random, [("QueryExecutionIds", "[" + ids.joined(separator: space(&random) + "," + space(&random)) + "]"),
                                ("NextToken", random.chance(50) ? string(&random) : "null")])
    }

    static func execution(_ random: inout SeededGenerator) -> String {
        let status = object(&random, [
            ("State", enumValue(&random, ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED", "SOMETHING_NEW"])),
            ("SubmissionDateTime", timestamp(&random)), ("CompletionDateTime", timestamp(&random)),
            ("StateChangeReason", string(&random)),
            ("AthenaError", object(&random, [("ErrorCategory", integer(&random, small: true)),
                                             ("ErrorType", integer(&random, small: true)),
                                             ("Retryable", bool(&random)), ("ErrorMessage", string(&random))])),
        ])
        let statistics = object(&random, [
            ("EngineExecutionTimeInMillis", integer(&random)), ("DataScannedInBytes", integer(&random)),
            ("TotalExecutionTimeInMillis", integer(&random)), ("QueryQueueTimeInMillis", integer(&random)),
            ("ServicePreProcessingTimeInMillis", integer(&random)), ("QueryPlanningTimeInMillis", integer(&random)),
            ("ServiceProcessingTimeInMillis", integer(&random)),
            ("ResultReuseInformation", random.chance(10) ? "null" : "{\"ReusedPreviousResult\":\(random.chance(50))}"),
            ("DpuCount", random.chance(50) ? "\(Double(random.next(below: 1000)) / 8)" : "null"),
        ])
        let encryption = random.chance(20) ? "null" : object(&random, [("KmsKey", string(&random))], required: [
            ("EncryptionOption", enumValue(&random, ["SSE_S3", "SSE_KMS", "CSE_KMS", "NEW_OPTION"])),
        ])
        return object(&random, [
            ("QueryExecutionId", string(&random)), ("Query", string(&random)),
            ("StatementType", enumValue(&random, ["DDL", "DML", "UTILITY", "OTHER"])),
            ("SubstatementType", string(&random)), ("WorkGroup", string(&random)),
            ("EngineVersion", object(&random, [("SelectedEngineVersion", string(&random)),
                                               ("EffectiveEngineVersion", string(&random))])),
            ("QueryExecutionContext", object(&random, [("Database", string(&random)), ("Catalog", string(&random))])),
            ("Status", status), ("Statistics", statistics),
            ("ResultConfiguration", object(&random, [("OutputLocation", string(&random)),
                                                     ("EncryptionConfiguration", encryption)])),
        ])
    }

    /// An object of the optional `members` (each maybe absent or null) and the `required` ones,
    /// shuffled, with unknown members mixed in.
    static func object(_ random: inout SeededGenerator, _ members: [(String, String)],
                       required: [(String, String)] = []) -> String {
        var pairs: [(String, String)] = required
        for (key, value) in members {
            switch random.next(below: 10) {
            case 0: continue
            case 1: pairs.append((key, "null"))
            default: pairs.append((key, value))
            }
        }
        if random.chance(30) { pairs.append(("Unknown\(random.next(below: 9))", unknownValue(&random, depth: 0))) }
        for index in pairs.indices.reversed() { pairs.swapAt(index, random.next(below: index + 1)) }
        let members = pairs.map { "\"\($0.0)\"" + space(&random) + ":" + space(&random) + $0.1 }
        return "{" + space(&random) + members.joined(separator: space(&random) + "," + space(&random)) + space(&random) + "}"
    }

    static func unknownValue(_ random: inout SeededGenerator, depth: Int) -> String {
        switch random.next(below: depth > 2 ? 5 : 7) {
        case 0: return string(&random)
        case 1: return ["-0.5e-3", "12", "0", "1E+2", "-7"][random.next(below: 5)]
        case 2: return bool(&random)
        case 3: return "null"
        case 4: return "[]"
        case 5: return "[" + (0..<random.next(below: 3)).map { _ in unknownValue(&random, depth: depth + 1) }.joined(separator: ",") + "]"
        default: return "{\"k\":" + unknownValue(&random, depth: depth + 1) + "}"
        }
    }

    static func string(_ random: inout SeededGenerator) -> String {
        let pieces = ["a", "Z", "0", "-", "_", " ", "é", "日本", "😀", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u00e9",
                      "\\u0041", "\\ud83d\\ude00", "\\u001f", "s3://bucket/prefix/", "SELECT * FROM t"]
        return "\"" + (0..<random.next(below: 8)).map { _ in pieces[random.next(below: pieces.count)] }.joined() + "\""
    }

    static func enumValue(_ random: inout SeededGenerator, _ values: [String]) -> String {
        "\"" + values[random.next(below: values.count)] + "\""
    }

    static func integer(_ random: inout SeededGenerator, small: Bool = false) -> String {
        if small { return String(random.next(below: 2000)) }
        switch random.next(below: 6) {
        case 0: return "0"
        case 1: return String(Int64.max)
        case 2: return String(Int64.min)
        case 3: return "-0"
        default: return String(Int64(bitPattern: random.next()) >> random.next(below: 60))
        }
    }

    static func bool(_ random: inout SeededGenerator) -> String { random.chance(50) ? "true" : "false" }

    static func timestamp(_ random: inout SeededGenerator) -> String {
        let seconds = 1_600_000_000 + random.next(below: 200_000_000)
        switch random.next(below: 4) {
        case 0: return String(seconds)
        case 1: return "\(seconds).\(random.next(below: 1000))"
        case 2: return "\(seconds).5e0"
        default: return "\"2026-05-0\(1 + random.next(below: 9))T12:34:56.\(random.next(below: 1000))Z\""
        }
    }

    static func space(_ random: inout SeededGenerator) -> String {
        ["", "", "", " ", "\n", "\t ", "\r\n  "][random.next(below: 7)]
    }
}
