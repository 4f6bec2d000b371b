import CLibPQ
import Foundation

/// Just enough libpq to create the benchmark databases.
final class SQLSession {
    private let connection: OpaquePointer

    init(_ url: String) throws {
        guard let connection = PQconnectdb(url), PQstatus(connection) == CONNECTION_OK else {
            throw BenchmarkError("cannot connect to \(url.replacingOccurrences(of: #"://[^@]*@"#, with: "://…@", options: .regularExpression))")
        }
        self.connection = connection
    }

    deinit {
        PQfinish(connection)
    }

    /// Runs SQL (several statements allowed) and returns the first column of the first row.
    @discardableResult
    func execute(_ sql: String) throws -> String? {
        guard let result = PQexec(connection, sql) else { throw BenchmarkError(String(cString: PQerrorMessage(connection))) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw BenchmarkError(String(cString: PQresultErrorMessage(result)))
        }
        guard PQntuples(result) > 0, PQnfields(result) > 0, PQgetisnull(result, 0, 0) == 0 else { return nil }
        return String(cString: PQgetvalue(result, 0, 0))
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
