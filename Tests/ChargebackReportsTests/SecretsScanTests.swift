import Foundation
import Testing
@testable import ChargebackReports

@Suite("No credential material in any produced file")
struct SecretsScanTests {
    /// Shapes of AWS credentials and keys: access key ids, secret keys next to their name,
    /// session tokens, private keys.
    static let patterns = [
        #"(AKIA|ASIA)[0-9A-Z]{16}"#, #"(?i)aws_secret_access_key"#, #"(?i)secret_?access_?key"#,
        #"(?i)session_?token"#, #"-----BEGIN [A-Z ]*PRIVATE KEY-----"#, #"[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])"#,
    ]

    @Test("the fixture's files, in every format, carry no credential-shaped text")
    func scan() throws {
        for (name, data) in try Rendered.files(includeQueryText: true) {
            let text = Rendered.text(data)
            for pattern in Self.patterns {
                #expect(text.range(of: pattern, options: .regularExpression) == nil, "\(name) matches \(pattern)")
            }
        }
    }
}
