// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "chargeback",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chargeback", targets: ["chargeback"]),
        .executable(name: "chargeback-sandbox", targets: ["chargeback-sandbox"]),
        // For the fuzz package in Fuzz/ only: libraries are not a supported interface.
        .library(name: "AWSCore", targets: ["AWSCore"]),
        .library(name: "AWSServices", targets: ["AWSServices"]),
        .library(name: "ChargebackCore", targets: ["ChargebackCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // System libraries: libcurl for HTTP, libxml2 for the XML of STS.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),

        // The version and the commit of the build (generated before each build by the plugin).
        .target(name: "ChargebackBuildInfo", plugins: ["BuildCommitPlugin"]),
        .plugin(name: "BuildCommitPlugin", capability: .buildTool()),

        // The AWS wire layer: signing, credentials, transport, retries, protocols, errors.
        .target(
            name: "AWSCore",
            dependencies: [
                "CCurl", "CLibXML2", "ChargebackBuildInfo",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Typed clients for STS, Athena, Cost Explorer and QuickSight.
        .target(
            name: "AWSServices",
            dependencies: ["AWSCore", .product(name: "Logging", package: "swift-log")]
        ),
        // Pure domain values: configuration model, billing months, executions, costs, the report model.
        .target(name: "ChargebackModel"),
        // The embedded SQLite store of collected data and runs.
        .target(
            name: "ChargebackStore",
            dependencies: ["ChargebackModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Estimate, reconcile, categorise, allocate: pure functions from collected data to the report model.
        .target(name: "ChargebackAttribution", dependencies: ["ChargebackModel"]),
        // The report model rendered as HTML (Mustache), CSV, JSON, FOCUS and Markdown.
        .target(
            name: "ChargebackReports",
            dependencies: [
                "ChargebackModel", "ChargebackAttribution",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Configuration (YAML → model), the role chain, access checks, discovery and collection.
        .target(
            name: "ChargebackCore",
            dependencies: [
                "ChargebackModel", "ChargebackStore", "AWSCore", "AWSServices",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The commands: wiring only.
        .target(
            name: "ChargebackCLI",
            dependencies: [
                "ChargebackCore", "ChargebackStore", "ChargebackAttribution", "ChargebackReports",
                "AWSCore", "AWSServices", "ChargebackBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "chargeback", dependencies: ["ChargebackCLI"]),

        // The local AWS emulator. It shares no signing or protocol code with AWSCore on purpose,
        // so a client bug cannot hide behind a matching sandbox bug.
        .target(
            name: "AWSSandbox",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "chargeback-sandbox",
            dependencies: [
                "AWSSandbox", "ChargebackBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(
            name: "AWSCoreTests",
            dependencies: [
                "AWSCore", "ChargebackTestSupport", "ChargebackBuildInfo",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AWSServicesTests",
            dependencies: ["AWSServices", "AWSCore", "ChargebackTestSupport",
                           .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ChargebackCoreTests",
            dependencies: ["ChargebackCore", "ChargebackTestSupport", "AWSSandbox", "AWSCore", "AWSServices"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AWSSandboxTests",
            dependencies: ["AWSSandbox", "AWSServices", "AWSCore", "ChargebackTestSupport"]
        ),
        .testTarget(
            name: "ChargebackCLITests",
            dependencies: ["ChargebackCLI", "ChargebackCore", "ChargebackAttribution", "ChargebackReports", "ChargebackBuildInfo",
                           "ChargebackTestSupport", "AWSSandbox", "AWSCore"]
        ),
        // What several test targets share (golden files); never part of a product.
        .target(name: "ChargebackTestSupport", dependencies: ["CLibXML2", "AWSCore", "AWSSandbox", "ChargebackCore"]),
        .testTarget(name: "ChargebackModelTests", dependencies: ["ChargebackModel"]),
        .testTarget(
            name: "ChargebackStoreTests",
            dependencies: ["ChargebackStore", "ChargebackModel", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "ChargebackAttributionTests",
            dependencies: [
                "ChargebackAttribution", "ChargebackModel", "ChargebackTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ChargebackReportsTests",
            dependencies: ["ChargebackReports", "ChargebackAttribution", "ChargebackModel", "ChargebackTestSupport", "CLibXML2"]
        ),
        .executableTarget(name: "chargeback-bench", dependencies: ["ChargebackCore", "ChargebackAttribution", "ChargebackTestSupport", "AWSSandbox", "AWSServices", "AWSCore", "ChargebackBuildInfo", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    ],
    swiftLanguageModes: [.v6]
)
