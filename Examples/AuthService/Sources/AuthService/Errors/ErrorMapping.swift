import AuthModels
import EntityKitPostgres
import Foundation
import Hummingbird

/// Turns any error a handler throws into the answer the client gets, as swift-postgres-codegen's
/// README ("Handling errors") advises. The one place that decides: handlers translate only what
/// they know more about (which key of `users` a duplicate broke), and throw everything else here.
///
/// No body ever holds a value from the request or a row, nor the server's message (which can
/// quote one): only fixed words, field and column names, and generated relation names.
public enum ErrorMapping {
    /// The answer for `error`, thrown while handling a request with `method`.
    public static func apiError(for error: any Error, method: HTTPRequest.Method) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as DatabaseError:
            return apiError(for: error, method: method)
        case let error as EntityKitPostgresError:
            return apiError(for: error)
        case let error as PaginationError:
            return apiError(for: error)
        case let error as DecodingError:
            return apiError(for: error)
        case let error as any HTTPResponseError:
            // Hummingbird's own: no route (404), a body over the size limit (413). Its message
            // can quote the request, so only the status's words are kept.
            return APIError(error.status, ErrorBody(error: error.status.reasonPhrase.lowercased()))
        case is CancellationError:
            return .unavailable("the request was cancelled")
        default:
            // SQLRejection and anything unexpected: a bug of the service's, not the client's.
            return .internal
        }
    }

    /// A server error, by its kind.
    static func apiError(for error: DatabaseError, method: HTTPRequest.Method) -> APIError {
        switch error.kind {
        case .uniqueViolation, .exclusionViolation:
            return .conflict("a row with the same key exists", key: uniqueKeyColumns(of: error))
        case .foreignKeyViolation:
            // Deleting a row that others still refer to conflicts with them; writing a row that
            // refers to a missing one is a request that cannot be met as it stands.
            if method == .delete {
                return .conflict("other rows still refer to this one")
            }
            return .invalid("refers to a row that does not exist", relation: relationName(of: error))
        case .notNullViolation:
            return .invalid("a required value is missing", field: error.column)
        case .checkViolation:
            return .invalid("a value breaks a rule of the schema", field: error.column)
        case .serializationFailure, .deadlock:
            // Transactions that may hit these retry first (TransactionOptions(attempts:)); one
            // that still fails is a busy database, not a broken request.
            return .unavailable("the database is busy: try again")
        case .timeout, .connection:
            return .unavailable("the database is unavailable: try again")
        case .permission:
            return .internal
        case .other:
            // Class 22 is a value the server could not take (too long, malformed): the request's
            // fault, though validation should have caught it first.
            if error.sqlState.hasPrefix("22") {
                return .invalid("a value is malformed or out of range")
            }
            return .internal
        }
    }

    /// A runtime error: transient ones are a 503, the rest a fault of the service.
    static func apiError(for error: EntityKitPostgresError) -> APIError {
        switch error {
        case .connectionFailed, .connectTimedOut, .acquireTimedOut, .connectionClosed, .statementTimedOut,
             .preparedStatementLost, .clientShutDown:
            return .unavailable("the database is unavailable: try again")
        case .commitOutcomeUnknown:
            // Maybe written, maybe not: the client must look before repeating the request.
            return APIError(.internalServerError, ErrorBody(error: "the outcome is unknown: check before repeating the request"))
        case .transactionRolledBack, .preparedStatementsNotKept, .invalidArgument:
            return .internal
        }
    }

    /// A page request the runtime refused: the query string's fault.
    static func apiError(for error: PaginationError) -> APIError {
        switch error {
        case .pageBelowOne:
            return .badRequest("pages are numbered from 1", field: "page")
        case .pageOutOfRange:
            return .badRequest("the page is out of range", field: "page")
        case .perPageBelowOne:
            return .badRequest("a page holds at least 1 row", field: "per")
        }
    }

    /// A body that is not the JSON the endpoint reads. The decoder's own descriptions can quote
    /// the input, so only the path of the field at fault is kept.
    static func apiError(for error: DecodingError) -> APIError {
        switch error {
        case let .keyNotFound(key, context):
            return .badRequest("a required field is missing", field: path(context.codingPath + [key]))
        case let .valueNotFound(_, context):
            return .badRequest("a field must not be null", field: path(context.codingPath))
        case let .typeMismatch(_, context):
            return .badRequest("a field has the wrong type", field: path(context.codingPath))
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                return .badRequest("the body is not valid JSON")
            }
            return .badRequest("a field has an invalid value", field: path(context.codingPath))
        @unknown default:
            return .badRequest("the body cannot be read")
        }
    }

    /// `roles.0`, `user_id`: a coding path as the client spells it.
    private static func path(_ codingPath: [any CodingKey]) -> String? {
        codingPath.isEmpty ? nil : codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    /// The columns of the key a unique violation broke (`email`, `tenant_id,user_id`), found
    /// among the service's entities by the constraint's name; nil for one none of them declares.
    static func uniqueKeyColumns(of error: DatabaseError) -> String? {
        for entity in DatabaseSchema.entities {
            if let keyed = entity as? any KeyedEntity.Type, let columns = keyColumns(of: error, on: keyed) {
                return columns
            }
        }
        return nil
    }

    private static func keyColumns<E: KeyedEntity>(of error: DatabaseError, on entity: E.Type) -> String? {
        error.uniqueKey(of: entity).map { key in key.columns.map(\.rawValue).joined(separator: ",") }
    }

    /// The generated relation a foreign-key violation broke, on the table that holds the key
    /// (`user` for a refresh token whose user does not exist).
    static func relationName(of error: DatabaseError) -> String? {
        for entity in DatabaseSchema.entities where entity.tableName == error.table {
            if let name = error.relationName(of: entity) {
                return name
            }
        }
        return nil
    }
}
