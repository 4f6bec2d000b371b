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
        let cStrings = parameters.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let values: [UnsafePointer<CChar>?] = cStrings.map { UnsafePointer($0) }
        let result = simple
            ? PQexec(handle, sql)
            : values.withUnsafeBufferPointer { buffer in
                PQexecParams(handle, sql, Int32(buffer.count), nil, buffer.baseAddress, nil, nil, 0)
            }
        guard let result else {
            throw .queryFailed(String(cString: PQerrorMessage(handle)).firstLine)
        }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let message = String(cString: PQresultErrorMessage(result)).firstLine
            PQclear(result)
            throw .queryFailed(message)
        }
        return ResultTable(result)
    }

    /// The server's version as `server_version_num` reports it, such as 150018.
    var serverVersion: Int { Int(PQserverVersion(handle)) }
}

/// The rows of one query result, read in place from libpq's buffer.
final class ResultTable {
    private let result: OpaquePointer
    var resultHandle: OpaquePointer { result }
    let rowCount: Int

    init(_ result: OpaquePointer) {
        self.result = result
        self.rowCount = Int(PQntuples(result))
    }

    deinit {
        PQclear(result)
    }

    func isNull(_ row: Int, _ column: Int) -> Bool {
        PQgetisnull(result, Int32(row), Int32(column)) == 1
    }

    func string(_ row: Int, _ column: Int) -> String? {
        guard !isNull(row, column) else { return nil }
        return String(cString: PQgetvalue(result, Int32(row), Int32(column)))
    }

    func requiredString(_ row: Int, _ column: Int) -> String {
        string(row, column) ?? ""
    }

    func bool(_ row: Int, _ column: Int) -> Bool {
        guard !isNull(row, column) else { return false }
        return PQgetvalue(result, Int32(row), Int32(column)).pointee == UInt8(ascii: "t")
    }

    func int(_ row: Int, _ column: Int) -> Int {
        guard !isNull(row, column) else { return 0 }
        return strtol(PQgetvalue(result, Int32(row), Int32(column)), nil, 10)
    }

    /// A `char` column's single character, such as `relkind`.
    func character(_ row: Int, _ column: Int) -> Character? {
        string(row, column)?.first
    }

    /// A text-format array of strings; NULL elements are dropped.
    func stringArray(_ row: Int, _ column: Int) -> [String] {
        optionalStringArray(row, column).compactMap { $0 }
    }

    /// A text-format array of strings, NULL elements kept as `nil`.
    func optionalStringArray(_ row: Int, _ column: Int) -> [String?] {
        guard let text = string(row, column) else { return [] }
        return PostgresArrayLiteral.parse(text)
    }

    func intArray(_ row: Int, _ column: Int) -> [Int] {
        stringArray(row, column).compactMap { Int($0) }
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

extension ResultTable {
    var columnCount: Int { Int(PQnfields(resultHandle)) }
}
