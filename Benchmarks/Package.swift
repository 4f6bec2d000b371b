// swift-tools-version:6.1
// The HTTP benchmark of issue 21: one Hummingbird 2 service whose two user endpoints run over
// the generated models and EntityKitPostgres, over hand-written PostgresNIO, or over Fluent, so
// that only the database layer differs. Its own package, so the main package (and scripts/test)
// never builds Hummingbird or Fluent; run it with `Benchmarks/run`.
import PackageDescription

let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bench-server", targets: ["bench-server"]),
        .executable(name: "encode-benchmark", targets: ["encode-benchmark"]),
    ],
    dependencies: [
        .package(name: "swift-postgres-codegen", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The example service's models: its snapshot and codegen.json (symbolic links to
        // Examples/AuthService, so the benchmark reads the same schema), generated on every build.
        .target(
            name: "ServiceModels",
            dependencies: [.product(name: "EntityKit", package: "swift-postgres-codegen")],
            plugins: [.plugin(name: "EntityCodegenPlugin", package: "swift-postgres-codegen")]
        ),
        // The JSON the hand-written stacks send for a user, shared by the server and encode-benchmark.
        .target(name: "HandWrittenJSON"),
        .executableTarget(
            name: "bench-server",
            dependencies: [
                "HandWrittenJSON",
                "ServiceModels",
                .product(name: "EntityKitPostgres", package: "swift-postgres-codegen"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The JSON half of GET /users alone: the generated `User`'s encoding against synthesized ones.
        .executableTarget(
            name: "encode-benchmark",
            dependencies: ["HandWrittenJSON", "ServiceModels", .product(name: "EntityKit", package: "swift-postgres-codegen")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
