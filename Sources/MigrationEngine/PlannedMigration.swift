/// One migration as the engine runs it, whatever it was written in: a Swift migration (adapted by
/// EntityKitMigrations) or a pair of SQL files (``SQLMigrationFile``).
public struct PlannedMigration: Sendable {
    /// The version: unique, sorting in the order migrations apply (`mYYYYMMDD_HHMMSS_name`).
    public var name: String
    /// A digest of what `up` does, recorded when the migration is applied.
    public var checksum: String
    /// False for statements that cannot run in a transaction (`CREATE INDEX CONCURRENTLY`).
    public var runsInTransaction: Bool
    /// What applying it does.
    public var up: MigrationScript
    /// What rolling it back does.
    public var down: MigrationScript

    /// A migration from its parts.
    public init(name: String, checksum: String, runsInTransaction: Bool, up: MigrationScript, down: MigrationScript) {
        self.name = name
        self.checksum = checksum
        self.runsInTransaction = runsInTransaction
        self.up = up
        self.down = down
    }
}

/// One direction of a migration: the text `up --dry-run` shows, and the code that runs it.
public struct MigrationScript: Sendable {
    /// The statements, as `up --dry-run` prints them (code steps as a comment naming them).
    public var preview: [String]
    /// Runs the direction on the session (inside the migration's transaction when it has one).
    public var run: @Sendable (any MigrationSession) async throws -> Void

    /// A script from its preview and its code.
    public init(preview: [String], run: @escaping @Sendable (any MigrationSession) async throws -> Void) {
        self.preview = preview
        self.run = run
    }

    /// Statements run one by one, as written.
    public init(statements: [String]) {
        self.preview = statements
        self.run = { session in
            for statement in statements { try await session.execute(statement) }
        }
    }
}

/// The checksum every migration kind uses: FNV-1a over its parts, each followed by a NUL, as 16
/// hexadecimal digits. Swift migrations hash their steps' SQL, SQL migrations their up file.
public enum MigrationChecksum {
    /// The digest of `parts`.
    public static func of(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in (part + "\u{0}").utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
