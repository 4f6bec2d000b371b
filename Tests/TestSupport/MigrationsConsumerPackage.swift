import Foundation

/// A package whose schema is its migrations (`Sources/ReferenceMigrations`, copied), in
/// `.build-from-migrations/`, with a scratch folder kept between runs so that its dependencies
/// are built once.
public enum MigrationsConsumerPackage {
    public static let folder = TestEnvironment.packageRoot.appendingPathComponent(".build-from-migrations")
    public static let packageFolder = folder.appendingPathComponent("package")
    public static let scratchPath = folder.appendingPathComponent("build").path

    /// Writes the manifest and executables, and copies the reference migrations in.
    public static func prepare() throws {
        let manager = FileManager.default
        let fixture = TestEnvironment.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/MigrationsConsumer")
        let manifest = try String(contentsOf: fixture.appendingPathComponent("Package.swift.template"), encoding: .utf8)
            .replacingOccurrences(of: "@PACKAGE_ROOT@", with: TestEnvironment.packageRoot.path)
        try writeIfChanged(manifest, to: packageFolder.appendingPathComponent("Package.swift"))
        for executable in ["migrate", "broken-migrate"] {
            let text = try String(contentsOf: fixture.appendingPathComponent("Sources/\(executable)/main.swift"), encoding: .utf8)
            try writeIfChanged(text, to: packageFolder.appendingPathComponent("Sources/\(executable)/main.swift"))
        }
        let source = TestEnvironment.packageRoot.appendingPathComponent("Sources/ReferenceMigrations")
        let target = packageFolder.appendingPathComponent("Sources/Migrations")
        let files = try manager.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".swift") }
        for stale in (try? manager.contentsOfDirectory(atPath: target.path)) ?? [] where !files.contains(stale) {
            try manager.removeItem(at: target.appendingPathComponent(stale))
        }
        for file in files {
            try writeIfChanged(String(contentsOf: source.appendingPathComponent(file), encoding: .utf8), to: target.appendingPathComponent(file))
        }
    }

    /// `--from-migrations` arguments that point at this package.
    public static func arguments(executable: String = "migrate") -> [String] {
        ["--from-migrations", "--package-path", packageFolder.path, "--scratch-path", scratchPath, "--migrations-executable", executable]
    }

    private static func writeIfChanged(_ text: String, to url: URL) throws {
        if (try? String(contentsOf: url, encoding: .utf8)) == text { return }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
