// swift-tools-version:6.0
import PackageDescription

// The target graph is the architecture (see ../shared/DESIGN.md):
// rapport → RapportServer / RapportImport / RapportStore → RapportCore.
let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        .library(name: "RapportCore", targets: ["RapportCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.52.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.12.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.33.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // Pure values, rules and metrics: no dependencies at all.
        .target(name: "RapportCore"),
        // Fluent records, migrations, repositories and bulk SQL; SQLite or PostgreSQL.
        .target(
            name: "RapportStore",
            dependencies: [
                "RapportCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // CSV readers and writers: text ⇄ Core values, with row-level errors.
        .target(name: "RapportImport", dependencies: ["RapportCore", "RapportStore"]),
        // The HTTP server (Vapor): thin, calls Store and Core.
        .target(
            name: "RapportServer",
            dependencies: [
                "RapportCore",
                "RapportStore",
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        // The command line: parses arguments, builds the configuration, calls library code.
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore",
                "RapportStore",
                "RapportImport",
                "RapportServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Shared test fixtures: an empty, migrated database on SQLite and (with DATABASE_URL) PostgreSQL.
        .target(
            name: "RapportTestSupport",
            dependencies: [
                "RapportStore", "RapportImport", "RapportCore", .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/RapportTestSupport"
        ),
        .testTarget(name: "RapportCoreTests", dependencies: ["RapportCore"]),
        .testTarget(name: "RapportImportTests", dependencies: ["RapportImport", "RapportCore"]),
        .testTarget(
            name: "RapportStoreTests",
            dependencies: ["RapportStore", "RapportImport", "RapportCore", "RapportTestSupport"]
        ),
        .testTarget(
            name: "RapportServerTests",
            dependencies: [
                "RapportServer",
                "RapportStore",
                "RapportTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
        .testTarget(
            name: "RapportCLITests",
            dependencies: ["rapport", "RapportStore", "RapportCore", "RapportTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
