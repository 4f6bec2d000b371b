import Foundation

/// Type-checks a Swift snippet against the package's built modules, the way a user's file that
/// imports them would be checked: for tests of what must (or must not) compile. A snippet takes
/// well under a second, so compile-fail fixtures need no package of their own.
public enum Typecheck {
    /// The products folder of the running tests (`.build/<triple>/debug`).
    static var products: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// Type-checks `source`; the result's output holds the compiler's diagnostics.
    public static func snippet(_ source: String) throws -> Shell.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("typecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("snippet.swift")
        try source.write(to: file, atomically: true, encoding: .utf8)
        return try Shell.run("/usr/bin/env", ["swiftc", "-typecheck", "-swift-version", "6"] + moduleArguments() + [file.path])
    }

    /// Type-checks `files` (names and contents) together as one module, `Models`, the way a
    /// target of generated files is compiled; the result's output holds the diagnostics.
    public static func files(_ files: [(name: String, contents: String)]) throws -> Shell.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("typecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            try Data(file.contents.utf8).write(to: url)
            paths.append(url.path)
        }
        return try Shell.run("/usr/bin/env", [
            "swiftc", "-typecheck", "-swift-version", "6", "-module-name", "Models", "-parse-as-library", "-wmo",
        ] + moduleArguments() + paths)
    }

    /// Compiles `models` as the module `Models`, then type-checks `app` as a separate module
    /// that imports it beside the runtime: what an app target sees, where a model named like a
    /// runtime type would make that name ambiguous (within one module the model would simply
    /// shadow it). The result's output holds both steps' diagnostics.
    public static func app(models: [(name: String, contents: String)], app: String) throws -> Shell.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("typecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for file in models {
            let url = folder.appendingPathComponent(file.name)
            try Data(file.contents.utf8).write(to: url)
            paths.append(url.path)
        }
        let module = try Shell.run("/usr/bin/env", [
            "swiftc", "-emit-module", "-swift-version", "6", "-module-name", "Models", "-parse-as-library", "-wmo",
            "-emit-module-path", folder.appendingPathComponent("Models.swiftmodule").path,
        ] + moduleArguments() + paths)
        guard module.status == 0 else { return module }
        let appFile = folder.appendingPathComponent("App.swift")
        try Data(app.utf8).write(to: appFile)
        return try Shell.run("/usr/bin/env", ["swiftc", "-typecheck", "-swift-version", "6", "-I", folder.path] + moduleArguments() + [appFile.path])
    }

    /// Search paths for the built Swift modules and the C module maps they depend on.
    private static func moduleArguments() throws -> [String] {
        let manager = FileManager.default
        var arguments = ["-I", products.appendingPathComponent("Modules").path]
        for entry in try manager.contentsOfDirectory(atPath: products.path).sorted()
        where entry.hasSuffix(".build") && !entry.hasSuffix("-tool.build") {
            for candidate in ["module.modulemap", "include/module.modulemap"] {
                let map = products.appendingPathComponent(entry).appendingPathComponent(candidate)
                if manager.fileExists(atPath: map.path) { arguments += ["-Xcc", "-fmodule-map-file=\(map.path)"] }
            }
        }
        let checkouts = TestEnvironment.packageRoot.appendingPathComponent(".build/checkouts")
        if let walker = manager.enumerator(atPath: checkouts.path) {
            for case let path as String in walker where path.hasSuffix("/include") || path == "include" {
                arguments += ["-Xcc", "-I" + checkouts.appendingPathComponent(path).path]
            }
        }
        return arguments
    }
}
