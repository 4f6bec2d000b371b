import CLibPQ
import Foundation

/// A synchronous libpq connection: libpq gives codegen exactly psql's connection semantics
/// (URIs, `key=value` strings, PG* variables, `.pgpass`, service files, sslmode, sockets).
final class LibPQConnection {
    private let handle: OpaquePointer

    /// Connects, turning every libpq failure into a one-line ``IntrospectionError``.
    init(_ target: ConnectionTarget) throws(IntrospectionError) {
        guard let handle = PQconnectdb(target.connectionString) else {
            throw .connectionFailed(target: target.displayName, reason: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(handle))
            PQfinish(handle)
            throw IntrospectionError.classifyConnectionFailure(message, target: target)
        }
        self.handle = handle
    }

    deinit {
        PQfinish(handle)
    }

    /// Runs one statement with text parameters and returns its rows in text format.
    @discardableResult
    func execute(_ sql: String, parameters: [String] = [], simple: Bool = false) throws(IntrospectionError) -> ResultTable {
        do {
            return try run(sql, parameters: parameters, simple: simple)
        } catch {
            throw .queryFailed(error.message)
        }
    }

    /// Runs one statement, keeping what the server says about a failure: its message, SQLSTATE
    /// and the position of the error in the statement.
    func run(_ sql: String, parameters: [String] = [], simple: Bool = false) throws(LibPQStatementFailure) -> ResultTable {
        let cStrings = parameters.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let values: [UnsafePointer<CChar>?] = cStrings.map { UnsafePointer($0) }
        let result = simple
            ? PQexec(handle, sql)
            : values.withUnsafeBufferPointer { buffer in
                PQexecParams(handle, sql, Int32(buffer.count), nil, buffer.baseAddress, nil, nil, 0)
            }
        guard let result else {
            throw LibPQStatementFailure(message: String(cString: PQerrorMessage(handle)).firstLine, sqlState: nil, position: nil)
        }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            func field(_ code: Character) -> String? {
                PQresultErrorField(result, Int32(code.asciiValue ?? 0)).map { String(cString: $0) }
            }
            let failure = LibPQStatementFailure(
                message: field("M") ?? String(cString: PQresultErrorMessage(result)).firstLine,
                sqlState: field("C"),
                position: field("P").flatMap { Int($0) })
            PQclear(result)
            throw failure
        }
        return ResultTable(result)
    }

    /// Drops the server's notices (such as "relation … already exists, skipping") instead of
    /// letting libpq print them to standard error between the command's own lines.
    func ignoreNotices() {
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    /// The server's version as `server_version_num` reports it, such as 150018.
    var serverVersion: Int { Int(PQserverVersion(handle)) }
}

/// The rows of one query result, read in place from libpq's buffer.
/// A `PGresult` is never changed after libpq returns it, and libpq documents reading one from
/// several threads as safe: the first half of assembly reads results on a background thread
/// while the connection runs the next queries.
final class ResultTable: CatalogTable, @unchecked Sendable {
    private let result: OpaquePointer
    let rowCount: Int

    init(_ result: OpaquePointer) {
        self.result = result
        self.rowCount = Int(PQntuples(result))
    }

    deinit {
        PQclear(result)
    }

    var columnNames: [String] {
        (0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) }
    }

    func isNull(_ row: Int, _ column: Int) -> Bool {
        PQgetisnull(result, Int32(row), Int32(column)) == 1
    }

    func string(_ row: Int, _ column: Int) -> String? {
        guard !isNull(row, column) else { return nil }
        return String(cString: PQgetvalue(result, Int32(row), Int32(column)))
    }

    func integer(_ row: Int, _ column: Int) -> Int? {
        guard !isNull(row, column), let text = PQgetvalue(result, Int32(row), Int32(column)), text.pointee != 0 else { return nil }
        var end: UnsafeMutablePointer<CChar>?
        let value = strtol(text, &end, 10)
        return end?.pointee == 0 ? value : nil
    }

    func firstByte(_ row: Int, _ column: Int) -> UInt8? {
        guard !isNull(row, column) else { return nil }
        return UInt8(truncatingIfNeeded: PQgetvalue(result, Int32(row), Int32(column)).pointee)
    }
}

extension String {
    /// The first line, without libpq's trailing newline.
    var firstLine: String {
        String(split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first ?? "")
            .trimmingCharacters(in: .whitespaces)
    }
}

extension LibPQConnection {
    /// Runs one or more statements without parameters (simple query protocol).
    func executeSimple(_ sql: String) throws(IntrospectionError) {
        try execute(sql, parameters: [], simple: true)
    }
}
