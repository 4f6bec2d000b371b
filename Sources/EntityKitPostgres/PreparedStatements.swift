import EntityKit
import Foundation
import PostgresNIO

/// How a runner sends the statements whose SQL is fixed by the types involved: find, delete
/// and single-row insert by entity type, and relation loads by relation.
public enum StatementPreparation: Sendable, Hashable {
    /// Named prepared statements: each connection parses and plans a shape once, then sends only
    /// its name and values. The default.
    case prepared
    /// Unnamed statements, parsed and planned on every call: for poolers in transaction mode
    /// (PgBouncer before 1.21, or without `max_prepared_statements`), which may run each
    /// statement on a different server connection than the one that prepared it.
    case unnamed
}

/// A fixed-shape statement as PostgresNIO prepares it. PostgresNIO reads a prepared
/// statement's name and SQL from static members, within the `execute` call and its task; a
/// task-local binds them for that call, so one type carries every shape, including the SQL of
/// a relation, which has no type of its own.
struct FixedShapeStatement: PostgresPreparedStatement {
    typealias Row = PostgresRow

    /// The name and SQL of the statement being executed by this task.
    @TaskLocal static var current = PreparedShape(name: "", sql: "")

    static var name: String { current.name }
    static var sql: String { current.sql }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

/// A statement shape's name on every connection of this process, and its SQL.
struct PreparedShape: Sendable {
    let name: String
    let sql: String
}

/// Names statement shapes: each distinct SQL text gets a number the first time it is
/// prepared. Names are only compared within one connection, which belongs to this process, so
/// process-wide numbering cannot collide (a hash of the SQL could, and a long name would be
/// cut at PostgreSQL's 63 bytes). The registry holds only fixed shapes, a few per entity type
/// and relation.
enum PreparedShapes {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var names: [String: String] = [:]

    static func shape(for sql: String) -> PreparedShape {
        lock.lock()
        defer { lock.unlock() }
        if let name = names[sql] { return PreparedShape(name: name, sql: sql) }
        let name = "entitykit_\(names.count + 1)"
        names[sql] = name
        return PreparedShape(name: name, sql: sql)
    }

    /// Gives `sql` a new name, so every connection prepares it again: after the server lost a
    /// prepared statement (`DISCARD ALL`, a pooler), or a preparation failed, which
    /// PostgresNIO remembers per connection and name.
    static func renew(_ sql: String) {
        lock.lock()
        defer { lock.unlock() }
        names[sql] = "entitykit_\(names.count + 1)_\(UUID().uuidString.prefix(8).lowercased())"
    }
}

extension SQLStatement {
    /// The values as PostgresNIO binds them: text parameters of unspecified type.
    var postgresBindings: PostgresBindings {
        var bindings = PostgresBindings(capacity: self.bindings.count)
        for literal in self.bindings {
            bindings.append(UntypedParameter(text: literal.text ?? ""))
        }
        return bindings
    }
}

extension PSQLError {
    /// Errors after which a shape is prepared again under a new name: the server no longer has
    /// the statement (26000), or preparing it failed (syntax and name errors, class 42, say a
    /// table created later), which PostgresNIO would otherwise repeat on that connection.
    var invalidatesPreparedShape: Bool {
        guard let state = serverInfo?[.sqlState] else { return false }
        return state == "26000" || state.hasPrefix("42")
    }
}

/// Runs fixed-shape statements as named prepared statements on whatever `execute` does.
enum PreparedExecution {
    static func run(
        _ statement: SQLStatement,
        _ execute: (FixedShapeStatement) async throws -> AsyncThrowingMapSequence<PostgresRowSequence, PostgresRow>
    ) async throws -> StatementRows {
        let shape = PreparedShapes.shape(for: statement.sql)
        do {
            return StatementRows(try await FixedShapeStatement.$current.withValue(shape) {
                try await execute(FixedShapeStatement(bindings: statement.postgresBindings))
            })
        } catch let error as PSQLError where error.invalidatesPreparedShape {
            PreparedShapes.renew(statement.sql)
            throw error
        }
    }
}
