@testable import ChargebackCLI
import ChargebackCore
import Foundation
import Testing

/// docs/troubleshooting.md against the code: every kind of error and hint the tool can print has
/// a section (a `### `name`` heading), and every section names a kind the code knows.
@Suite("docs/troubleshooting.md")
struct TroubleshootingDocumentTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/troubleshooting.md")

    /// Section names per `## ` part of the page: `### `ExpiredToken`` → ExpiredToken.
    static func sections() throws -> [String: [String]] {
        var parts: [String: [String]] = [:]
        var part = ""
        for line in try String(contentsOf: page, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("## ") { part = String(line.dropFirst(3)) }
            if let match = line.firstMatch(of: /^### `([^`]+)`\s*$/) { parts[part, default: []].append(String(match.1)) }
        }
        return parts
    }

    static func names(inPartStartingWith prefix: String) throws -> [String] {
        try sections().filter { $0.key.hasPrefix(prefix) }.flatMap(\.value)
    }

    func expectSame(documented: [String], known: [String], _ what: String) {
        #expect(!documented.isEmpty, "no \(what) sections found")
        #expect(Set(known).subtracting(documented).sorted() == [], "\(what) the code knows but the page does not explain")
        #expect(Set(documented).subtracting(known).sorted() == [], "\(what) sections the code does not know")
        #expect(documented.count == Set(documented).count, "a \(what) section appears twice")
    }

    @Test("every check hint kind has a section, and every section is a kind")
    func checkHints() throws {
        expectSame(documented: try Self.names(inPartStartingWith: "`check`"),
                   known: CheckHint.Kind.allCases.map(\.rawValue), "check hint")
    }

    @Test("every failure a collect records has a section, and every section is one")
    func collectFailures() throws {
        expectSame(documented: try Self.names(inPartStartingWith: "Collect"),
                   known: CollectFailure.allCases.map(\.rawValue), "collect failure")
    }

    @Test("every command error has a section, and every section is one")
    func commandFailures() throws {
        expectSame(documented: try Self.names(inPartStartingWith: "Command errors"),
                   known: CommandFailure.Kind.allCases.map(\.rawValue), "command error")
    }

    @Test("every store error has a section, and every section is one")
    func storeErrors() throws {
        expectSame(documented: try Self.names(inPartStartingWith: "The store"),
                   known: StoreError.Kind.allCases.map(\.rawValue), "store error")
    }

    @Test("the page has no part the tests above do not read")
    func everyPartIsChecked() throws {
        let parts = try Self.sections().keys.sorted()
        #expect(parts.allSatisfy { ["`check`", "Collect", "Command errors", "The store"].contains(where: $0.hasPrefix) }, "\(parts)")
    }

    @Test("a check hint's kind is what its code and step say", arguments: [
        ("NoCredentials", CheckStep.baseCredentials, CheckHint.Kind.noCredentials),
        ("SignatureDoesNotMatch", .athena, .signatureRejected),
        ("couldNotResolveHost", .costExplorer, .unreachable),
        ("RegionDisabledException", .roleA, .regionDisabled),
        ("DataUnavailableException", .costExplorer, .costExplorerNoData),
        ("DataUnavailableException", .athena, .other),
    ])
    func kindOfCode(code: String, step: CheckStep, kind: CheckHint.Kind) {
        #expect(CheckHint.Kind(code: code, step: step, error: CancellationError()) == kind)
    }
}
