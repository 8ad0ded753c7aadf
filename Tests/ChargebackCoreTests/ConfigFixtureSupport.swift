import Foundation
@testable import ChargebackCore

/// Loads configuration fixtures from the test bundle.
enum ConfigFixtures {
    static func path(_ relative: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/configs/\(relative)", withExtension: nil) else {
            throw FixtureMissing(name: relative)
        }
        return url.path
    }

    static func load(_ relative: String) throws -> ChargebackConfig {
        try ConfigLoader.load(path: path(relative))
    }

    struct FixtureMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "fixture \(name) is not in the test bundle" }
    }
}
