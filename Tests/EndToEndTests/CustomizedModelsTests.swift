import Foundation
import Testing
import LiveTestSupport
import TestSupport

/// Renames and extra conformances from codegen.json, compiled in a consumer package that uses
/// them; a rename that collides is refused before anything is written.
@Suite("Renames and conformances in a consumer package", .serialized,
       .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
struct CustomizedModelsTests {
    private static let fixture = TestEnvironment.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/ModelsConsumer")
    private static let folder = TestEnvironment.packageRoot.appendingPathComponent(".build-models-consumer")
    private static let package = folder.appendingPathComponent("package")

    /// Copies the fixture afresh (its build folder is kept).
    private func preparePackage() throws {
        let manager = FileManager.default
        try? manager.removeItem(at: Self.package)
        try manager.createDirectory(at: Self.package.appendingPathComponent("Sources/Models"), withIntermediateDirectories: true)
        for path in ["Sources/AppProtocols/AppProtocols.swift", "Sources/UseModels/main.swift"] {
            let target = Self.package.appendingPathComponent(path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: Self.fixture.appendingPathComponent(path), to: target)
        }
        let manifest = try String(contentsOf: Self.fixture.appendingPathComponent("Package.swift.template"), encoding: .utf8)
            .replacingOccurrences(of: "@PACKAGE_ROOT@", with: TestEnvironment.packageRoot.path)
        try manifest.write(to: Self.package.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    }

    @Test func renamedAndConformingModelsCompileAndRun() throws {
        let database = try TestDatabase.create("customized")
        defer { database.drop() }
        try database.execute(String(contentsOf: Self.fixture.appendingPathComponent("schema.sql"), encoding: .utf8))
        try preparePackage()
        let models = Self.package.appendingPathComponent("Sources/Models")
        let generation = try Shell.run(Shell.codegenExecutable, [
            "entity", "-u", database.url, "-o", models.path, "--config", Self.fixture.appendingPathComponent("codegen.json").path,
        ])
        try #require(generation.status == 0, "\(generation.output)")
        #expect(generation.standardError.contains("warning: public._internal_log: hidden (its name starts with _): skipped"))
        let files = try FileManager.default.contentsOfDirectory(atPath: models.path).sorted()
        #expect(files == ["AccessKey.swift", "DatabaseSchema.swift", "Member.swift", "MemberRole.swift"])
        let member = try String(contentsOf: models.appendingPathComponent("Member.swift"), encoding: .utf8)
        #expect(member.contains("public struct Member: KeyedEntity, Hashable, Identifiable, Auditable {"))
        #expect(member.contains("import AppProtocols"))

        let build = try Shell.run(ConsumerPackage.swiftExecutable, [
            "build", "--package-path", Self.package.path, "--scratch-path", Self.folder.appendingPathComponent("build").path, "--product", "UseModels",
        ])
        try #require(build.status == 0, "the renamed, conforming models do not compile:\n\(build.output.suffix(6000))")
        let warnings = build.output.split(separator: "\n").filter { $0.contains("warning:") && $0.contains("Sources/Models/") }
        #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
        let run = try Shell.run(Self.folder.appendingPathComponent("build/debug/UseModels").path, [])
        #expect(run.status == 0)
        #expect(run.standardOutput == "Member AccessKey MemberRole 2 true secret access_keys_account_id_fkey access_keys_account_id_fkey\n")
    }

    @Test func aRenameThatCollidesWithAColumnIsRefusedAndNothingIsWritten() throws {
        let database = try TestDatabase.create("rename_collision")
        defer { database.drop() }
        try database.execute(String(contentsOf: Self.fixture.appendingPathComponent("schema.sql"), encoding: .utf8))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-collision-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Shell.run(Shell.codegenExecutable, ["entity", "-u", database.url, "-o", folder.path, "--rename", "public.accounts.email=handle"])
        #expect(result.status == 1)
        #expect(result.standardError == "error: the rename of public.accounts.email to \"handle\" collides with the column `handle` "
            + "of public.accounts (named `handle`): choose another name, or rename that one too\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
