import Foundation
import PostgresNIO

/// A migration failure; the message says which migration and why.
public enum MigrationError: Error, CustomStringConvertible, Equatable {
    /// The migration named first failed going `up` or `down`, with the server's message. Its
    /// steps and tracking row were rolled back together, unless it runs outside a transaction.
    case failed(String, direction: String, underlying: String)
    /// `down` reached an applied migration that is no longer in the code, so it cannot be rolled back.
    case missingCode(String)
    /// Two migrations in the list share this name.
    case duplicateName(String)
    /// Applied migrations were edited or removed from the code since they ran: each problem,
    /// one line. Nothing was applied.
    case historyDiverged([String])
    /// Pending migrations sort before the last applied one (a branch merged late). Nothing
    /// was applied.
    case outOfOrder([String], lastApplied: String)

    public var description: String {
        switch self {
        case let .failed(name, direction, underlying):
            "migration \(name) failed (\(direction)): \(underlying); nothing of it was kept"
        case let .missingCode(name):
            "cannot roll back \(name): it is applied but its code is missing; restore the migration first"
        case let .duplicateName(name):
            "two migrations are named \(name): give each a unique name"
        case let .historyDiverged(problems):
            "the applied migrations differ from the code, so nothing was applied: \(problems.joined(separator: "; ")); write a new migration instead of editing an applied one, or review and run `migrate repair` to accept the code as it is"
        case let .outOfOrder(names, last):
            "\(names.joined(separator: ", ")) \(names.count == 1 ? "sorts" : "sort") before \(last), which is applied, so nothing was applied: give \(names.count == 1 ? "it a name" : "them names") after it, or run `migrate up --allow-out-of-order`"
        }
    }

    /// The server's message for server errors (PostgresNIO's hide it from `description`;
    /// ``DatabaseError``'s leaves it out because it can quote values).
    static func describe(_ error: Error) -> String {
        if let error = error as? PSQLError, let message = error.serverInfo?[.message] {
            return message
        }
        // The migration's own SQL, so the server's message (which may quote it) is what helps.
        if let error = error as? DatabaseError {
            return error.message
        }
        return String(describing: error)
    }
}
