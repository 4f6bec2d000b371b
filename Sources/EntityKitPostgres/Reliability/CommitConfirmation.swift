import Logging
import PostgresNIO

/// Confirms that a write sent outside a transaction was committed before the call reports it.
///
/// Outside a transaction the server commits a statement's implicit transaction only when it
/// reaches the protocol's Sync, after it has sent the statement's rows and CommandComplete; and
/// PostgresNIO completes a statement at CommandComplete. So a commit that fails afterwards (a
/// deferred constraint, a serialization failure, a synchronous standby's wait cancelled) or
/// never happens (the server crashed, the connection dropped) would be reported as success. The
/// driver handles the next statement on the connection only after the server's ReadyForQuery,
/// so one more round trip on the same connection settles it: the commit's error, if any, closes
/// the connection and fails that statement.
enum CommitConfirmation {
    /// True unless the statement is a plain read (`SELECT`, `VALUES`, `TABLE`, `SHOW`), whose
    /// commit keeps nothing the caller wrote. A `SELECT` that writes through a function it calls
    /// is not confirmed.
    static func mayWrite(_ sql: String) -> Bool {
        guard let keyword = firstKeyword(of: sql) else { return false }
        return !["select", "values", "table", "show"].contains(keyword)
    }

    /// The first word of `sql`, lower-cased, after white space, comments and opening parentheses.
    static func firstKeyword(of sql: String) -> String? {
        let bytes = Array(sql.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(") || (9...13).contains(byte) {
                index += 1
            } else if byte == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                // Block comments nest in PostgreSQL.
                var depth = 0
                repeat {
                    if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                        depth += 1
                        index += 2
                    } else if bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                        depth -= 1
                        index += 2
                    } else {
                        index += 1
                    }
                } while depth > 0 && index < bytes.count
            } else {
                break
            }
        }
        let start = index
        while index < bytes.count, (bytes[index] | 0x20) >= UInt8(ascii: "a"), (bytes[index] | 0x20) <= UInt8(ascii: "z") { index += 1 }
        guard index > start else { return nil }
        return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
    }

    /// Waits for the server to finish the statement just run on `watch`.
    ///
    /// - Throws: ``EntityKitPostgresError/transactionRolledBack(cause:)`` when the server refused
    ///   to commit it (the cause names the SQLSTATE, table and constraint, never values);
    ///   ``EntityKitPostgresError/commitOutcomeUnknown(_:)`` when the connection closed or the
    ///   statement deadline passed first. Never the task's cancellation: the write was sent.
    static func confirm(on watch: ConnectionWatch, policy: StatementPolicy, logger: Logger) async throws {
        do {
            try await StatementScope.run(on: watch, policy: policy, mode: .cleanup, send: { connection in
                do {
                    _ = try await connection.query("SELECT 1", logger: logger).get()
                } catch let error as PSQLError {
                    if let cause = refusal(in: error) { throw EntityKitPostgresError.transactionRolledBack(cause: cause) }
                    throw error
                }
            }, consume: { _ in })
        } catch let error as EntityKitPostgresError {
            switch error {
            case .transactionRolledBack: throw error
            case let .connectionClosed(reason): throw EntityKitPostgresError.commitOutcomeUnknown(reason)
            case let .statementTimedOut(bound):
                throw EntityKitPostgresError.commitOutcomeUnknown("the server did not confirm the commit within \(bound.secondsText)")
            default: throw EntityKitPostgresError.commitOutcomeUnknown(error.description)
            }
        } catch is StatementNotSent {
            // Never "not sent" for the caller: the write itself was.
            throw EntityKitPostgresError.commitOutcomeUnknown("the connection closed before the server confirmed the commit")
        } catch {
            throw EntityKitPostgresError.commitOutcomeUnknown(FailureSummary.describe(error))
        }
    }

    /// The server's error that arrived after the statement's CommandComplete, which the driver
    /// reports as an unexpected message while closing the connection: its SQLSTATE, table and
    /// constraint (read from the driver's debug text, the only place it keeps them).
    static func refusal(in error: PSQLError) -> String? {
        let unexpected = error.code == .unexpectedBackendMessage ? error : (error.underlying as? PSQLError)
        guard let unexpected, unexpected.code == .unexpectedBackendMessage else { return nil }
        let text = String(reflecting: unexpected)
        guard text.contains(".error("), let state = field("Code", in: text) else { return nil }
        let refused = DatabaseError(
            sqlState: state, message: "", schema: field("Schema name", in: text), table: field("Table name", in: text),
            constraint: field("Constraint name", in: text))
        return "SQLSTATE \(state) at commit" + (refused.objectsNamed.map { " on \($0)" } ?? "")
    }

    /// `name: "value"` in the driver's debug text.
    private static func field(_ name: String, in text: String) -> String? {
        guard let start = text.range(of: "\(name): \"") else { return nil }
        guard let end = text[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(text[start.upperBound..<end])
    }
}
