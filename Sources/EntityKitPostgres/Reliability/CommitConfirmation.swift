import Logging
import PostgresNIO

/// Confirms that a write sent outside a transaction was committed before the call reports it.
///
/// Outside a transaction the server commits a statement's implicit transaction only when it
/// reaches the protocol's Sync, after it has sent the statement's rows and CommandComplete; and
/// PostgresNIO completes a statement at CommandComplete. So a commit that fails afterwards (a
/// deferred constraint, a serialization failure, a synchronous standby's wait cancelled) or
/// never happens (the server crashed, the connection dropped) would be reported as success.
///
/// The server's ReadyForQuery after the statement settles it; it usually arrives in the same
/// packet as the answer. The connection's ``ReadyForQueryObserver`` sees it, so confirming
/// costs no round trip. Without an observer, or when another task queued a statement behind
/// this one, one more statement on the same connection settles it instead: the driver sends it
/// only after the ReadyForQuery, and the commit's error, if any, closes the connection and
/// fails that statement. (libpq and pgjdbc return from a statement only at ReadyForQuery.)
enum CommitConfirmation {
    /// True unless the statement is a plain read (`SELECT`, `VALUES`, `TABLE`, `SHOW`), whose
    /// commit keeps nothing the caller wrote. A `SELECT` that writes through a function it calls
    /// is not confirmed. Asked for every statement outside a transaction, so it reads the
    /// text's bytes in place.
    static func mayWrite(_ sql: String) -> Bool {
        var sql = sql
        return sql.withUTF8 { bytes in
            guard let word = firstWordRange(in: bytes) else { return false }
            return !plainReads.contains { keyword in
                keyword.count == word.count && zip(keyword, bytes[word]).allSatisfy { $0 == $1 | 0x20 }
            }
        }
    }

    /// The first words of the statements that only read, lower-cased.
    private static let plainReads: [[UInt8]] = ["select", "values", "table", "show"].map { Array($0.utf8) }

    /// The first word of `sql`, lower-cased, after white space, comments and opening parentheses.
    static func firstKeyword(of sql: String) -> String? {
        var sql = sql
        return sql.withUTF8 { bytes in
            firstWordRange(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self).lowercased() }
        }
    }

    /// Where the first word is in `bytes`: ASCII letters after white space, comments (block
    /// comments nest in PostgreSQL) and opening parentheses.
    private static func firstWordRange(in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(") || (9...13).contains(byte) {
                index += 1
            } else if byte == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            } else if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
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
        return index > start ? start..<index : nil
    }

    /// Waits for the server to finish the statement just run on `watch`: for the observer to
    /// see the ReadyForQuery that follows it, or, when it cannot tell, for a `SELECT 1` sent
    /// after it.
    ///
    /// - Throws: ``EntityKitPostgresError/transactionRolledBack(cause:)`` when the server refused
    ///   to commit it (the cause names the SQLSTATE, table and constraint, never values);
    ///   ``EntityKitPostgresError/commitOutcomeUnknown(_:)`` when the connection closed or the
    ///   statement deadline passed first. Never the task's cancellation: the write was sent.
    static func confirm(on watch: ConnectionWatch, policy: StatementPolicy, logger: Logger) async throws {
        if let observer = watch.readyForQueryObserver {
            switch await observer.waitUntilIdle(within: policy.deadlines.statement) {
            case .idle:
                return
            case let .closed(refusal):
                if let refusal { throw EntityKitPostgresError.transactionRolledBack(cause: refusal) }
                throw EntityKitPostgresError.commitOutcomeUnknown("the connection closed before the server confirmed the commit")
            case .timedOut:
                // Whatever the server is doing, the connection is in no known state.
                try? await watch.connection.close()
                let bound = policy.deadlines.statement.map { " within \($0.secondsText)" } ?? ""
                throw EntityKitPostgresError.commitOutcomeUnknown("the server did not confirm the commit\(bound)")
            case .overtaken:
                // Another statement was queued on the connection (a connection shared between
                // tasks): a statement of this call's own queues behind it and settles it.
                break
            }
        }
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
