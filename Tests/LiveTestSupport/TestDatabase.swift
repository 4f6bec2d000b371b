import CLibPQ
import TestSupport
import Foundation

/// A database created for one test (or suite) on the test server, dropped by ``drop()``.
public final class TestDatabase: @unchecked Sendable {
    public let name: String
    /// The database's URL, with the server's credentials.
    public let url: String

    /// The server's URL (where the database is dropped from).
    let server: String

    /// Creates an empty database with a unique name, on `server` (default: `DATABASE_URL`).
    public static func create(_ label: String, on server: String? = nil) throws -> TestDatabase {
        guard let server = server ?? TestEnvironment.serverURL else {
            throw TestDatabaseError("no DATABASE_URL: run scripts/test, or set DATABASE_URL")
        }
        let safeLabel = label.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "_" }
        let name = "test_\(safeLabel)_\(UInt32.random(in: 0...UInt32.max))"
        try SQL.execute("CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'", on: server)
        return TestDatabase(name: name, url: Self.replacingDatabase(in: server, with: name), server: server)
    }

    /// Creates an empty database on the PostgreSQL `version` server of the version matrix.
    public static func create(_ label: String, version: Int) throws -> TestDatabase {
        guard let server = TestEnvironment.serverURL(version: version) else {
            throw TestDatabaseError("no DATABASE_URL_\(version): run scripts/test (or scripts/with-postgres-matrix)")
        }
        return try create("\(label)_pg\(version)", on: server)
    }

    private init(name: String, url: String, server: String) {
        self.name = name
        self.url = url
        self.server = server
    }

    /// Runs SQL (several statements allowed).
    public func execute(_ sql: String) throws {
        try SQL.execute(sql, on: url)
    }

    /// The rows of a query, as text.
    public func rows(_ sql: String) throws -> [[String?]] {
        try SQL.rows(sql, on: url)
    }

    /// Drops the database, disconnecting anyone still connected.
    public func drop() {
        try? SQL.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server)
    }

    /// Loads `Schema/*.sql`, the reference schema.
    public func loadReferenceSchema() throws {
        let folder = TestEnvironment.packageRoot.appendingPathComponent("Schema")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sql") && $0.first?.isNumber == true }.sorted()
        for file in files {
            try execute(String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
        }
    }

    /// Loads one of `../shared/schemas` with its own loader (which uses psql).
    public func loadSharedSchema(_ name: String) throws {
        guard let folder = TestEnvironment.sharedSchemas else {
            throw TestDatabaseError("../shared/schemas is missing")
        }
        let result = try Shell.run(folder.appendingPathComponent("load").path, [name, url])
        guard result.status == 0 else {
            throw TestDatabaseError("loading \(name) failed: \(result.output)")
        }
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/\(name)"
        return components.string ?? url
    }
}

/// Minimal synchronous SQL over libpq, for test set-up and for checks made on a server
/// directly (what a replica has, who is connected), beside the runtime under test.
public enum SQL {
    /// Runs SQL (several statements allowed) on a new connection to `url`.
    public static func execute(_ sql: String, on url: String) throws {
        _ = try rows(sql, on: url)
    }

    /// The rows of a query, as text, on a new connection to `url`.
    public static func rows(_ sql: String, on url: String) throws -> [[String?]] {
        guard let connection = PQconnectdb(url) else { throw TestDatabaseError("libpq failed") }
        defer { PQfinish(connection) }
        guard PQstatus(connection) == CONNECTION_OK else {
            throw TestDatabaseError(String(cString: PQerrorMessage(connection)))
        }
        guard let result = PQexec(connection, sql) else { throw TestDatabaseError(String(cString: PQerrorMessage(connection))) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw TestDatabaseError(String(cString: PQresultErrorMessage(result)))
        }
        var rows: [[String?]] = []
        for row in 0..<PQntuples(result) {
            rows.append((0..<PQnfields(result)).map { column in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            })
        }
        return rows
    }
}
