import MigrationEngine

extension MigrationDSL {
    /// Code run on the migration's session (inside its transaction when it has one): data
    /// migrations and anything else that needs Swift. The checksum covers its name only.
    ///
    /// The session is whatever driver applies the migration (libpq in `codegen migrate` and the
    /// scaffolded `migrate` executable, PostgresNIO in an app's `MigrationRunner`), so the body
    /// speaks text: statements with `$1`-style text parameters, rows as text.
    ///
    /// ```swift
    /// Run("backfill display names") { session in
    ///     for row in try await session.execute("SELECT id::text, email FROM users WHERE display_name IS NULL") {
    ///         let name = row[1].map { String($0.prefix { $0 != "@" }) } ?? "user"
    ///         try await session.execute("UPDATE users SET display_name = $1 WHERE id = $2::uuid",
    ///                                   parameters: [name, row[0]!])
    ///     }
    /// }
    /// ```
    public struct Run: MigrationStep {
        /// A name for the step, recorded in the checksum instead of the code.
        public var name: String
        /// The code to run, given the migration's session.
        public var body: @Sendable (any MigrationSession) async throws -> Void

        /// Code of your own as a step: `Run("backfill display names") { session in … }`.
        /// Editing the body does not change the checksum; renaming the step does.
        public init(_ name: String, _ body: @escaping @Sendable (any MigrationSession) async throws -> Void) {
            self.name = name
            self.body = body
        }

        public var statements: [String] { [] }
        public var checksumText: String { "run: \(name)" }

        public func run(in session: any MigrationSession) async throws {
            try await body(session)
        }
    }
}
