import Foundation

/// How a user's manifest names this project in `.product(name:package:)`: SwiftPM's package
/// identity, which is the last component of the dependency's URL or path, not the package's
/// `name:` (a path dependency in a folder called `codegen` has the identity `codegen`).
public enum PackageIdentity {
    /// The identity of a dependency on the published repository.
    public static let defaultIdentity = "swift-postgres-codegen"
    /// The `name:` in this project's manifest, by which a dependency is recognised.
    static let packageName = "swift-postgres-codegen"

    /// The identity under which the manifest in `packageDirectory` depends on this project, or
    /// nil when it declares no such dependency (or cannot be read).
    public static func ofThisProject(inPackageAt packageDirectory: URL) -> String? {
        guard let manifest = try? String(contentsOf: packageDirectory.appendingPathComponent("Package.swift"), encoding: .utf8) else { return nil }
        for (dependency, name) in dependencies(in: manifest) {
            switch dependency {
            case let .path(path):
                let folder = path.hasPrefix("/") ? URL(fileURLWithPath: path) : packageDirectory.appendingPathComponent(path).standardizedFileURL
                // `.package(name:path:)` makes products refer to the given name.
                if isThisProject(folder) { return name ?? identity(of: path) }
            case let .url(url):
                let identity = identity(of: url)
                let checkout = packageDirectory.appendingPathComponent(".build/checkouts/\(identity)")
                if identity == defaultIdentity || isThisProject(checkout) { return name ?? identity }
            }
        }
        return nil
    }

    enum Dependency: Equatable {
        case url(String)
        case path(String)
    }

    /// The `.package(url: "…")` and `.package(path: "…")` declarations of a manifest, with the
    /// `name:` of those that give one.
    static func dependencies(in manifest: String) -> [(Dependency, name: String?)] {
        var found: [(Dependency, name: String?)] = []
        var rest = manifest[...]
        while let call = rest.range(of: ".package(") {
            rest = rest[call.upperBound...]
            let arguments = rest.prefix { $0 != ")" }
            func string(after label: String) -> String? {
                guard let labelRange = arguments.range(of: label) else { return nil }
                let afterLabel = arguments[labelRange.upperBound...].drop { $0 == " " }
                guard afterLabel.first == "\"" else { return nil }
                return String(afterLabel.dropFirst().prefix { $0 != "\"" })
            }
            let name = string(after: "name:")
            if let url = string(after: "url:") { found.append((.url(url), name)) }
            if let path = string(after: "path:") { found.append((.path(path), name)) }
        }
        return found
    }

    /// SwiftPM's identity for a URL or path: its last component, without `.git`, lower-cased.
    static func identity(of location: String) -> String {
        var last = location.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? location
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last.lowercased()
    }

    private static func isThisProject(_ folder: URL) -> Bool {
        guard let manifest = try? String(contentsOf: folder.appendingPathComponent("Package.swift"), encoding: .utf8) else { return false }
        return manifest.contains("name: \"\(packageName)\"")
    }
}
