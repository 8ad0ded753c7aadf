// swift-tools-version:6.0
// libFuzzer targets for the readers of untrusted text. Apart from the main package so that
// `swift build` and `swift test` there never need the fuzzer runtime. Built and run by
// `make fuzz` (scripts/fuzz.sh); see docs/reliability.md.
import Foundation
import PackageDescription

// A package found by path is known by its folder's name, whatever the clone is called.
let root = URL(fileURLWithPath: #filePath).standardizedFileURL.deletingLastPathComponent().deletingLastPathComponent()
let chargeback = root.lastPathComponent.lowercased()

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: products.map { .product(name: $0, package: chargeback) },
        swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}

let package = Package(
    name: "chargeback-fuzz",
    dependencies: [.package(path: root.path)],
    targets: [
        fuzzTarget("fuzz-athena-json", ["AWSCore", "AWSServices"]),
        fuzzTarget("fuzz-sts-xml", ["AWSCore", "AWSServices"]),
        fuzzTarget("fuzz-ini", ["AWSCore"]),
        fuzzTarget("fuzz-config", ["ChargebackCore"]),
    ],
    swiftLanguageModes: [.v6]
)
