import PostgresConnectionInfo
import Testing

/// `.pgpass`: format, wildcards, escapes, the permission rule, and where the file is found.
struct PasswordFileTests {
    private let file = """
        # hostname:port:database:username:password
        db.internal:5432:app:alice:first
        db.internal:5432:app:alice:second
        *:6000:*:alice:anyhost
        localhost:*:*:bob:local
        we\\:ird:5432:app:alice:colon\\:in\\\\pw:trailing
        db.internal:5432:*:carol:pw\r

        """

    private func lookup(
        _ host: String, _ port: String = "5432", _ database: String = "app", _ user: String = "alice", permissions: UInt16 = 0o600
    ) -> PasswordFile.Lookup {
        var fileSystem = InMemoryFileSystem()
        fileSystem.files["/p"] = (file, permissions)
        return PasswordFile.lookup(host: host, port: port, database: database, user: user, file: "/p", fileSystem: fileSystem)
    }

    @Test func firstMatchingLineWins() {
        #expect(lookup("db.internal") == .found("first"))
        #expect(lookup("other", "6000", "x") == .found("anyhost"))
        #expect(lookup("db.internal", "5432", "x") == .notFound)
        #expect(lookup("db.internal", "5432", "x", "carol") == .found("pw"))
    }

    @Test func emptyHostAndPortMeanLocalhostAnd5432() {
        #expect(lookup("", "", "any", "bob") == .found("local"))
    }

    @Test func escapedColonsAndBackslashes() {
        #expect(lookup("we:ird") == .found(#"colon:in\pw"#))
    }

    @Test func groupOrWorldReadableFilesAreIgnored() {
        guard case let .ignored(warning) = lookup("db.internal", permissions: 0o644) else {
            Issue.record("expected the file to be ignored")
            return
        }
        #expect(warning.contains("chmod 0600 /p"))
        #expect(lookup("db.internal", permissions: 0o400) == .found("first"))
    }

    @Test func missingFileOrEmptyUserFindsNothing() {
        #expect(PasswordFile.lookup(host: "h", port: "1", database: "d", user: "u", file: "/none", fileSystem: InMemoryFileSystem()) == .notFound)
        #expect(lookup("db.internal", "5432", "app", "") == .notFound)
    }

    @Test func resolutionUsesPassfileThenPGPASSFILEThenHome() throws {
        let files: [String: (String, UInt16)] = [
            "/home/alice/.pgpass": ("*:*:*:*:home\n", 0o600),
            "/env/pgpass": ("*:*:*:*:fromenv\n", 0o600),
            "/explicit": ("*:*:*:*:explicit\n", 0o600),
        ]
        #expect(try ResolvedConnection("host=h", environment: .hermetic(files: files)).primaryHost.password == "home")
        #expect(try ResolvedConnection("host=h", environment: .hermetic(["PGPASSFILE": "/env/pgpass"], files: files)).primaryHost.password == "fromenv")
        #expect(try ResolvedConnection("host=h passfile=/explicit", environment: .hermetic(["PGPASSFILE": "/env/pgpass"], files: files)).primaryHost.password
                == "explicit")
        let explicit = try ResolvedConnection("host=h password=given", environment: .hermetic(files: files))
        #expect(explicit.primaryHost.password == "given" && !explicit.primaryHost.passwordFromFile)
        #expect(try ResolvedConnection("host=h", environment: .hermetic(["PGPASSWORD": "envpw"], files: files)).primaryHost.password == "envpw")
    }

    @Test func theDefaultSocketFolderIsLocalhostInTheFile() throws {
        let files: [String: (String, UInt16)] = ["/home/alice/.pgpass": ("localhost:5432:*:*:viasocket\n", 0o600)]
        let resolved = try ResolvedConnection("dbname=app", environment: .hermetic(files: files))
        #expect(resolved.primaryHost.endpoint == .unixSocket(path: "/var/run/postgresql/.s.PGSQL.5432"))
        #expect(resolved.primaryHost.password == "viasocket" && resolved.primaryHost.passwordFromFile)
    }

    @Test func anInsecureFileBecomesAWarning() throws {
        let files: [String: (String, UInt16)] = ["/home/alice/.pgpass": ("*:*:*:*:pw\n", 0o644)]
        let resolved = try ResolvedConnection("host=h", environment: .hermetic(files: files))
        #expect(resolved.primaryHost.password == nil)
        #expect(resolved.warnings.count == 1)
    }
}
