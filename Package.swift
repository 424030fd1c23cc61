// swift-tools-version:6.0
import PackageDescription

// The target graph is the architecture (see docs/architecture.md):
// rapport / RapportServer → RapportApp → RapportStore / RapportImport → RapportCore.
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
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/leaf", from: "4.5.0"),
        .package(url: "https://github.com/vapor/leaf-kit", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.0"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor", from: "1.2.0"),
        .package(url: "https://github.com/jpsim/Yams", "5.0.0"..<"7.0.0"),
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
        // CSV readers and writers: text ⇄ Core values, with row-level errors; no storage.
        .target(name: "RapportImport", dependencies: ["RapportCore"]),
        // The use cases shared by every edge: load through repository protocols, call Core, persist.
        .target(
            name: "RapportApp",
            dependencies: [
                "RapportCore",
                "RapportStore",
                "RapportImport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The HTTP server (Vapor): thin, calls RapportApp. The JSON API's types and routing are
        // generated at build time from `openapi.yaml` (swift-openapi-generator).
        .target(
            name: "RapportServer",
            dependencies: [
                "RapportCore",
                "RapportApp",
                "RapportImport",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources"), .copy("openapi.yaml")],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // The command line: parses arguments, builds the configuration, calls library code.
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore",
                "RapportStore",
                "RapportImport",
                "RapportApp",
                "RapportServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Shared test fixtures: an empty, migrated database on SQLite and (with DATABASE_URL) PostgreSQL.
        .target(
            name: "RapportTestSupport",
            dependencies: [
                "RapportStore", "RapportImport", "RapportApp", "RapportCore", .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/RapportTestSupport"
        ),
        .testTarget(name: "RapportCoreTests", dependencies: ["RapportCore"]),
        .testTarget(name: "RapportImportTests", dependencies: ["RapportImport", "RapportCore"]),
        .testTarget(
            name: "RapportStoreTests",
            dependencies: ["RapportStore", "RapportImport", "RapportApp", "RapportCore", "RapportTestSupport"]
        ),
        .testTarget(
            name: "RapportAppTests",
            dependencies: ["RapportApp", "RapportStore", "RapportImport", "RapportCore", "RapportTestSupport"]
        ),
        .testTarget(
            name: "RapportServerTests",
            dependencies: [
                "RapportServer",
                "RapportStore",
                "RapportImport",
                "RapportCore",
                "RapportApp",
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
