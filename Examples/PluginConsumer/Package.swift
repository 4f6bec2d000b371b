// swift-tools-version:6.1
// An app package that gets its models from the build plugin: Sources/Models holds the schema
// snapshot and codegen.json, and every build regenerates the entities when they change.
import PackageDescription

let package = Package(
    name: "PluginConsumer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "swift-postgres-codegen", path: "../.."),
    ],
    targets: [
        .target(
            name: "Models",
            dependencies: [.product(name: "EntityKit", package: "swift-postgres-codegen")],
            plugins: [.plugin(name: "EntityCodegenPlugin", package: "swift-postgres-codegen")]
        ),
        .testTarget(name: "ModelsTests", dependencies: ["Models"]),
    ]
)
