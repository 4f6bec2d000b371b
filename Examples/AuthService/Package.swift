// swift-tools-version:6.1
// The seed document's auth domain as a Hummingbird 2 service: models from the build plugin (the
// reference schema's snapshot), the reference schema's migrations as SQL files, JSON endpoints over
// DatabaseClient, and tests that each get a database of their own from EntityKitTesting.
import PackageDescription

let package = Package(
    name: "AuthService",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "auth-service", targets: ["auth-service"]),
        .library(name: "AuthService", targets: ["AuthService"]),
    ],
    dependencies: [
        .package(name: "swift-postgres-codegen", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Both are already in the graph (PostgresNIO and Hummingbird use them), so naming them
        // costs no build time: ServiceLifecycle runs the server and the pool as one group that
        // shuts down in order, Crypto hashes tokens (SHA-256) so the database never holds one.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // The entities of Schema/snapshot.json, generated on every build that needs it.
        .target(
            name: "AuthModels",
            dependencies: [.product(name: "EntityKit", package: "swift-postgres-codegen")],
            plugins: [.plugin(name: "EntityCodegenPlugin", package: "swift-postgres-codegen")]
        ),
        // Schema/00N_*.sql as SQL migrations, each with a down file.
        .target(
            name: "AuthMigrations",
            dependencies: [.product(name: "EntityKitMigrations", package: "swift-postgres-codegen")],
            resources: [.copy("SQL")]
        ),
        .target(
            name: "AuthService",
            dependencies: [
                "AuthModels",
                .product(name: "EntityKitPostgres", package: "swift-postgres-codegen"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "auth-service",
            dependencies: [
                "AuthMigrations",
                "AuthService",
                .product(name: "EntityKitMigrationsPostgres", package: "swift-postgres-codegen"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "AuthServiceTests",
            dependencies: [
                "AuthMigrations",
                "AuthModels",
                "AuthService",
                .product(name: "EntityKitTesting", package: "swift-postgres-codegen"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
