// swift-tools-version: 6.2
import PackageDescription

/// Upcoming features every Stele target opts into: explicit `any`, imports visible only where
/// written, and internal imports unless a public API needs the module.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Stele",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stele", targets: ["stele"]),
        .executable(name: "stele-fixture-site", targets: ["stele-fixture-site"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
    ],
    targets: [
        // C libraries, each behind a module map and a header of typed wrappers.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSystem"),

        // One job each; dependencies point down only (see DESIGN.md).
        .target(name: "SteleHTTP", dependencies: ["CCurl", "SteleText"], swiftSettings: strictSettings),
        .target(name: "SteleConfig", dependencies: ["SteleExtract", "SteleLanguage", "SteleDiff", "TOMLKit"], swiftSettings: strictSettings),
        .target(
            name: "SteleSync",
            dependencies: [
                "SteleHTTP", "SteleConfig", "SteleFeeds", "SteleExtract", "SteleAlign", "SteleLanguage", "SteleDiff", "SteleStore", "SteleService",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SteleService",
            dependencies: [
                "CSystem",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "SteleFeeds", dependencies: ["CLibXML2", "CZlib", "CCrypto", "SteleText"], swiftSettings: strictSettings),
        // Text machinery that feeds and pages share: charsets, transcoding, HTML character references, dates.
        .target(name: "SteleText", swiftSettings: strictSettings),
        .target(name: "SteleLanguage", swiftSettings: strictSettings),
        .target(name: "SteleExtract", dependencies: ["CLibXML2", "SteleLanguage", "SteleText"], swiftSettings: strictSettings),
        .target(name: "SteleAlign", dependencies: ["SteleLanguage"], swiftSettings: strictSettings),
        .target(name: "SteleDiff", swiftSettings: strictSettings),
        .target(name: "SteleStore", dependencies: ["SteleDiff", "SteleAlign", "CCrypto", "SteleText"], swiftSettings: strictSettings),
        // What the reading commands show: listings, histories, diffs, side-by-side comparisons, exports.
        .target(name: "SteleReports", dependencies: ["SteleStore", "SteleDiff", "SteleAlign", "SteleLanguage"], swiftSettings: strictSettings),
        .executableTarget(
            name: "stele",
            dependencies: [
                "SteleHTTP", "SteleConfig", "SteleService", "SteleFeeds", "SteleExtract", "SteleStore", "SteleAlign", "SteleLanguage", "SteleSync", "SteleReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // A real writer process for the store's reliability tests (kill, full disk, two writers).
        .executableTarget(name: "stele-store-writer", dependencies: ["SteleStore", "SteleAlign"], swiftSettings: strictSettings),

        // The web site the tests and benchmarks fetch from: a real HTTP/1.1 server on 127.0.0.1.
        .target(name: "SteleFixtures", dependencies: ["CZlib"], swiftSettings: strictSettings),
        // A store built by the real sync of the fixture site, on a clock the test drives.
        .target(
            name: "SteleSyncFixtures",
            dependencies: [
                "SteleSync", "SteleFixtures", "SteleConfig", "SteleExtract", "SteleLanguage", "SteleHTTP", "SteleStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "stele-fixture-site",
            dependencies: [
                "SteleFixtures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // Benchmarks: run `swift build -c release`, then `.build/release/stele-bench --help`.
        .executableTarget(
            name: "stele-bench",
            dependencies: [
                "SteleHTTP", "SteleFixtures", "SteleService", "SteleFeeds", "SteleExtract", "SteleDiff", "SteleStore", "SteleAlign", "SteleLanguage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        .testTarget(name: "SteleHTTPTests", dependencies: ["SteleHTTP", "SteleFixtures", "SteleService"], swiftSettings: strictSettings),
        .testTarget(name: "SteleSyncTests", dependencies: ["SteleSync", "SteleSyncFixtures", "SteleLanguage", "SteleFixtures", "SteleService", "SteleAlign"], swiftSettings: strictSettings),
        .testTarget(
            name: "SteleReportsTests",
            dependencies: ["SteleReports", "SteleSyncFixtures", "SteleStore", "SteleDiff", "SteleAlign", "SteleFixtures", "SteleService"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "SteleServiceTests", dependencies: ["SteleService", "SteleFixtures", .product(name: "Logging", package: "swift-log")], swiftSettings: strictSettings),
        .testTarget(name: "SteleConfigTests", dependencies: ["SteleConfig", "SteleExtract", "SteleLanguage"], swiftSettings: strictSettings),
        // Tests of the built executables and unit files as a whole (they run the `stele` binary).
        .testTarget(name: "SteleSystemTests", dependencies: ["SteleFixtures", "SteleService", "SteleStore", "stele-store-writer"], swiftSettings: strictSettings),
        .testTarget(
            name: "SteleFeedsTests",
            dependencies: ["SteleFeeds", "SteleText", "SteleFixtures", "SteleService", "SteleHTTP"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "SteleTextTests", dependencies: ["SteleText"], swiftSettings: strictSettings),
        .testTarget(name: "SteleDiffTests", dependencies: ["SteleDiff", "SteleFixtures", "SteleService"], swiftSettings: strictSettings),
        .testTarget(name: "SteleStoreTests", dependencies: ["SteleStore", "SteleAlign", "SteleDiff", "SteleFixtures", "SteleService", "stele-store-writer"], swiftSettings: strictSettings),
        .testTarget(name: "SteleAlignTests", dependencies: ["SteleAlign", "SteleLanguage", "SteleFixtures", "SteleService"], swiftSettings: strictSettings),
        // Runs the built `stele` executable as a user would (swift build builds it before the tests).
        .testTarget(name: "SteleCommandTests", dependencies: ["SteleFixtures", "SteleService"], swiftSettings: strictSettings),
        .testTarget(name: "SteleFixturesTests", dependencies: ["SteleFixtures", "SteleService", "SteleHTTP"], swiftSettings: strictSettings),
        .testTarget(
            name: "SteleExtractTests", dependencies: ["SteleExtract", "SteleLanguage", "SteleText", "SteleFixtures", "SteleService", "SteleHTTP"],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings
        ),
    ]
)
