import EntityKitMigrations
import Foundation

/// The service's schema history: `Schema/001…006` of swift-postgres-codegen as SQL migrations
/// (`SQL/VERSION.up.sql` and `VERSION.down.sql`), applied in version order. Applying them all
/// gives exactly the schema `AuthModels` is generated from (`schema.snapshot.json`).
public enum AuthMigrations {
    /// Every migration, sorted by version.
    ///
    /// - Throws: `SQLMigrationFile.Problem`, naming the file that cannot be read or run (never
    ///   expected: the files are part of the build).
    public static func all() throws -> [any Migration] {
        // `.copy("SQL")` keeps the folder whole, so it is one resource named SQL.
        guard let folder = Bundle.module.url(forResource: "SQL", withExtension: nil) else {
            throw MissingResource()
        }
        return try SQLFileMigration.all(in: folder)
    }

    /// The SQL folder is missing from the module's bundle: the package was built without its
    /// resources.
    struct MissingResource: Error, CustomStringConvertible {
        var description: String {
            "the AuthMigrations bundle has no SQL folder: build the package with SwiftPM, which copies it"
        }
    }
}
