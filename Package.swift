// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "swift-postgres-codegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "codegen", targets: ["codegen"]),
        .plugin(name: "EntityCodegenPlugin", targets: ["EntityCodegenPlugin"]),
        .plugin(name: "RefreshSnapshotPlugin", targets: ["RefreshSnapshotPlugin"]),
        .plugin(name: "GenerateEntitiesPlugin", targets: ["GenerateEntitiesPlugin"]),
        .library(name: "EntityKit", targets: ["EntityKit"]),
        .library(name: "EntityKitPostgres", targets: ["EntityKitPostgres"]),
        .library(name: "EntityKitMigrations", targets: ["EntityKitMigrations"]),
        .library(name: "EntityKitMigrationsPostgres", targets: ["EntityKitMigrationsPostgres"]),
        .library(name: "EntityKitMigrationsCLI", targets: ["EntityKitMigrationsCLI"]),
        .library(name: "EntityKitTesting", targets: ["EntityKitTesting"]),
        .library(name: "PostgresConnectionInfo", targets: ["PostgresConnectionInfo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        // Already in postgres-nio's graph: the runtime names NIOCore itself (a pipeline handler
        // that observes ReadyForQuery), and its tests drive that handler on NIOEmbedded's channel.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        // Observability through the server ecosystem's own APIs: metrics (already in postgres-nio's
        // graph) and spans; both are APIs only, the app picks the backend.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.1.0"),
        // Allocation counts of the runtime benchmark only (LD_PRELOADed by scripts/benchmark-runtime).
        .package(url: "https://github.com/ordo-one/malloc-interposer", from: "1.6.1"),
    ],
    targets: [
        // Runtime: what generated code imports (no dependencies) and its PostgresNIO integration.
        .target(name: "EntityKit"),
        // libpq's connection-string semantics in Swift (URIs, key=value, PG*, .pgpass, services,
        // .env): Foundation only, so the runtime gets psql's semantics without linking libpq.
        .target(name: "PostgresConnectionInfo"),
        .target(
            name: "EntityKitPostgres",
            dependencies: [
                "EntityKit",
                "PostgresConnectionInfo",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),

        // The snapshot: plain catalog facts, the contract between every stage.
        .target(name: "SchemaModel"),

        // Introspection through libpq, for psql's exact connection semantics.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "CatalogIntrospection", dependencies: ["CLibPQ", "PostgresConnectionInfo", "SchemaModel"]),

        // Translation, rendering and writing: Foundation only, so the build plugin can use it.
        .target(name: "EntityGenerator", dependencies: ["SchemaModel"]),

        // The jobs behind the CLI's commands, callable from tests.
        .target(name: "CodegenCore", dependencies: ["CatalogIntrospection", "EntityGenerator", "EntityKitMigrationsCLI", "MigrationEngine", "SchemaModel"]),
        .executableTarget(
            name: "codegen",
            dependencies: [
                "CodegenCore",
                "CatalogIntrospection",
                "EntityGenerator",
                "MigrationEngine",
                "PostgresConnectionInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // SwiftPM plugins. The build plugin's tool needs only the generator and Foundation.
        .executableTarget(name: "codegen-plugin-tool", dependencies: ["EntityGenerator", "SchemaModel"]),
        .plugin(name: "EntityCodegenPlugin", capability: .buildTool(), dependencies: ["codegen-plugin-tool"]),
        .plugin(
            name: "RefreshSnapshotPlugin",
            capability: .command(
                intent: .custom(
                    verb: "refresh-entity-snapshot",
                    description: "Rewrite a target's schema snapshot from a live PostgreSQL database, or from the package's migrations (--from-migrations)"
                ),
                permissions: [
                    .allowNetworkConnections(
                        scope: .all(ports: []),
                        reason: "To read the schema from the PostgreSQL server in DATABASE_URL or --database-url, "
                            + "or from the throwaway server --from-migrations starts"
                    ),
                    .writeToPackageDirectory(reason: "To write the target's *.snapshot.json"),
                ]
            ),
            dependencies: ["codegen"]
        ),
        .plugin(
            name: "GenerateEntitiesPlugin",
            capability: .command(
                intent: .custom(verb: "generate-entities", description: "Write Swift entities for a target's schema snapshot into the package"),
                permissions: [.writeToPackageDirectory(reason: "To write the generated Swift files into the target")]
            ),
            dependencies: ["codegen-plugin-tool"]
        ),

        // Benchmarks: run with scripts/benchmark, never as tests.
        .executableTarget(
            name: "codegen-benchmark",
            dependencies: ["CatalogIntrospection", "CodegenCore", "EntityGenerator", "SchemaModel", "CLibPQ"]
        ),

        // The runtime benchmark: generated reads and writes against hand-written PostgresNIO code,
        // over the models of Tests/Fixtures/benchmark.sql (run with scripts/benchmark-runtime).
        .target(name: "BenchmarkModels", dependencies: ["EntityKit"]),
        .executableTarget(
            name: "runtime-benchmark",
            dependencies: [
                "BenchmarkModels", "EntityKitPostgres", "GeneratedModels",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MallocInterposerSwift", package: "malloc-interposer"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ]
        ),

        // Migrations, apart from the query runtime so apps that only query never see the DSL's
        // `Column` or `PrimaryKey`. The engine (tracking table, lock, checksums, history rules,
        // SQL migration files) and the DSL are Foundation only and run on any driver: libpq in
        // `codegen migrate` and the scaffolded `migrate` executable (EntityKitMigrationsCLI, so a
        // migrations package builds without SwiftNIO), PostgresNIO in apps
        // (EntityKitMigrationsPostgres, for migrations at start-up).
        .target(name: "MigrationEngine"),
        .target(name: "EntityKitMigrations", dependencies: ["MigrationEngine"]),
        .target(
            name: "EntityKitMigrationsPostgres",
            dependencies: [
                "EntityKitMigrations",
                "EntityKitPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "EntityKitMigrationsCLI", dependencies: ["CatalogIntrospection", "EntityKitMigrations", "MigrationEngine"]),
        // Per-test databases for apps' own tests: migrations applied once into a template, a
        // clone per test (or a rolled-back transaction).
        .target(
            name: "EntityKitTesting",
            dependencies: ["EntityKitMigrationsPostgres", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),

        // Schema/ as migrations in the DSL: applying them reproduces Generated/.
        .target(name: "ReferenceMigrations", dependencies: ["EntityKitMigrations"]),
        // ReferenceMigrations as a scaffolded `migrate` executable, for `--from-migrations`.
        .executableTarget(name: "reference-migrate", dependencies: ["ReferenceMigrations", "EntityKitMigrationsCLI"]),

        // The committed output for Schema/: compiled by every build, used by the runtime tests.
        .target(name: "GeneratedModels", dependencies: ["EntityKit"], path: "Generated"),

        // Tests.
        // Test helpers: TestSupport is Foundation only, so generator tests never link libpq;
        // LiveTestSupport adds databases on the test server.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(name: "LiveTestSupport", dependencies: ["CLibPQ", "TestSupport"], path: "Tests/LiveTestSupport"),
        .testTarget(name: "EntityKitTests", dependencies: ["BenchmarkModels", "EntityKit", "GeneratedModels"]),
        // The parser against its spec (no server) and against libpq itself (CLibPQ, tests only).
        .testTarget(name: "PostgresConnectionInfoTests", dependencies: ["PostgresConnectionInfo", "CLibPQ", "TestSupport"]),
        .executableTarget(name: "libpq-probe", dependencies: ["CLibPQ"], path: "Tests/LibPQProbe"),
        .testTarget(name: "SchemaModelTests", dependencies: ["SchemaModel"]),
        .testTarget(name: "EntityGeneratorTests", dependencies: ["EntityGenerator", "EntityKit", "SchemaModel", "TestSupport"]),
        .testTarget(
            name: "IntrospectionTests",
            dependencies: ["CatalogIntrospection", "CodegenCore", "EntityGenerator", "SchemaModel", "LiveTestSupport", "TestSupport", "codegen"]
        ),
        .testTarget(
            name: "EntityKitPostgresTests",
            dependencies: [
                "EntityKitPostgres", "GeneratedModels", "PostgresConnectionInfo", "LiveTestSupport", "TestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ]
        ),
        // The runtime under faults: terminated sessions, restarts, outages, a proxy that stalls
        // or cuts connections, cancellation, and a chaos run (each test bounded in time).
        .testTarget(
            name: "FaultTests",
            dependencies: [
                "EntityKitPostgres", "GeneratedModels", "LiveTestSupport", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ]
        ),
        .testTarget(
            name: "MigrationTests",
            dependencies: [
                "EntityKitMigrations", "EntityKitMigrationsCLI", "EntityKitMigrationsPostgres", "EntityKitPostgres", "MigrationEngine",
                "ReferenceMigrations", "CodegenCore", "LiveTestSupport", "TestSupport", "codegen"
            ]
        ),
        .testTarget(
            name: "EntityKitTestingTests",
            dependencies: ["EntityKitTesting", "LiveTestSupport", "TestSupport"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "CatalogIntrospection", "CodegenCore", "EntityGenerator", "PostgresConnectionInfo", "SchemaModel", "LiveTestSupport", "TestSupport",
                "codegen", "codegen-plugin-tool"
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
