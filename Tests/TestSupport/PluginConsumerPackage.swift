import Foundation

/// A working copy of `Examples/PluginConsumer` in `.build-plugin-consumer/`, depending on this
/// package by absolute path, with a scratch folder kept between runs.
public enum PluginConsumerPackage {
    public static let folder = TestEnvironment.packageRoot.appendingPathComponent(".build-plugin-consumer")
    public static let packageFolder = folder.appendingPathComponent("package")
    public static let modelsFolder = packageFolder.appendingPathComponent("Sources/Models")
    static let scratchFolder = folder.appendingPathComponent("build")

    /// Copies the example afresh (its build folder is kept).
    public static func prepare() throws {
        let manager = FileManager.default
        try? manager.removeItem(at: packageFolder)
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try manager.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("Examples/PluginConsumer"), to: packageFolder)
        let manifest = packageFolder.appendingPathComponent("Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
            .replacingOccurrences(of: "path: \"../..\"", with: "path: \"\(TestEnvironment.packageRoot.path)\"")
        try text.write(to: manifest, atomically: true, encoding: .utf8)
    }

    public static func build() throws -> Shell.Result {
        try Shell.run(ConsumerPackage.swiftExecutable, ["build", "--package-path", packageFolder.path, "--scratch-path", scratchFolder.path])
    }

    public static func test() throws -> Shell.Result {
        try Shell.run(ConsumerPackage.swiftExecutable, ["test", "--package-path", packageFolder.path, "--scratch-path", scratchFolder.path])
    }

    /// Object files built for a module: zero when the consumer never compiled it.
    public static func objectFiles(of module: String) -> Int {
        let folder = scratchFolder.appendingPathComponent("debug/\(module).build")
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".o") }.count
    }

    /// The generated files the build plugin wrote, by name.
    public static func generatedFiles() -> [String: String] {
        let root = scratchFolder.appendingPathComponent("plugins/outputs")
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? []
        var files: [String: String] = [:]
        for path in paths where path.hasSuffix(".swift") && path.contains("EntityCodegenPlugin") {
            let url = root.appendingPathComponent(path)
            files[url.lastPathComponent] = try? String(contentsOf: url, encoding: .utf8)
        }
        return files
    }
}
