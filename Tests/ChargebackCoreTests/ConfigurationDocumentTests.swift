import Foundation
import Testing
@testable import ChargebackCore

/// docs/configuration.md against the decoder: every key the decoder accepts has a row in the
/// page's table, every row is a key the decoder accepts, and the page's example is valid.
@Suite("docs/configuration.md")
struct ConfigurationDocumentTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/configuration.md")

    static func text() throws -> String {
        try String(contentsOf: page, encoding: .utf8)
    }

    /// The first column of the "Keys" table: `| `central.region` | …` → central.region.
    static func documentedKeys(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: /^\| `([^`]+)` \|/) else { return nil }
            return String(match.1)
        }
    }

    @Test("every key the decoder accepts is documented, and every documented key is accepted")
    func documentedKeysEqualDecoderKeys() throws {
        let documented = Self.documentedKeys(in: try Self.text())
        let accepted = ConfigurationKeys.allPaths
        #expect(documented.count > 40, "the table was not found or not read")
        #expect(Set(accepted).subtracting(documented).sorted() == [], "accepted by the decoder but not documented")
        #expect(Set(documented).subtracting(accepted).sorted() == [], "documented but not accepted by the decoder")
        #expect(documented.count == Set(documented).count, "a key is documented twice")
    }

    @Test("the decoder refuses a key that is not in its list, at every level")
    func unlistedKeysAreRefused() throws {
        let sample = SampleConfig.text
        let cases = [
            ("\nversion: 1 ", "\nhistory_source: api\nversion: 1 ", "history_source"),
            ("\n  region: us-east-1 ", "\n  payer: x\n  region: us-east-1 ", "central.payer"),
            ("\n    cost_center: CC-1001 ", "\n    owner: x\n    cost_center: CC-1001 ", "business_units[0].owner"),
        ]
        for (anchor, replacement, path) in cases {
            #expect(sample.contains(anchor))
            let text = sample.replacingOccurrences(of: anchor, with: replacement)
            #expect(throws: ConfigLoadFailure.self) { try ConfigLoader.parse(text, path: "c.yaml") }
            do {
                _ = try ConfigLoader.parse(text, path: "c.yaml")
            } catch let failure as ConfigLoadFailure {
                #expect(failure.errors.contains { $0.keyPath == path && $0.message.hasPrefix("unknown key") }, "\(failure)")
            }
        }
    }

    @Test("the page's complete example is a valid configuration")
    func exampleIsValid() throws {
        let text = try Self.text()
        let section = try #require(text.range(of: "## A complete example"))
        let rest = text[section.upperBound...]
        let start = try #require(rest.range(of: "```yaml\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        let config = try ConfigLoader.parse(String(rest[start.upperBound..<end.lowerBound]), path: "example.yaml")
        #expect(config.businessUnits.map(\.id) == ["retail", "risk"])
    }
}
