import PostgresNIO

/// One line about an error for a message, without a row's values: for a server error its
/// SQLSTATE, the condition's name and the objects it names (the server's message and detail
/// can quote values, so they are left out).
enum FailureSummary {
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return describe(error) }
        guard let error = error as? PSQLError else {
            if let error = error as? EntityKitPostgresError { return error.description }
            if error is CancellationError { return "the task was cancelled" }
            return String(describing: type(of: error))
        }
        guard let serverError = DatabaseError(error) else {
            return "the driver reported \(error.code)"
        }
        return describe(serverError)
    }

    private static func describe(_ error: DatabaseError) -> String {
        var text = "SQLSTATE \(error.sqlState)"
        if let name = conditionNames[error.sqlState] { text += " (\(name))" }
        if let objects = error.objectsNamed { text += " on " + objects }
        return text
    }

    /// The conditions a transaction most often meets (PostgreSQL's appendix A names).
    private static let conditionNames: [String: String] = [
        "23505": "unique_violation", "23503": "foreign_key_violation", "23502": "not_null_violation",
        "23514": "check_violation", "23P01": "exclusion_violation", "22P02": "invalid_text_representation",
        "40001": "serialization_failure", "40P01": "deadlock_detected", "57014": "query_canceled",
        "25P02": "in_failed_sql_transaction", "42P01": "undefined_table", "42703": "undefined_column",
        "42601": "syntax_error", "55P03": "lock_not_available", "26000": "invalid_sql_statement_name",
        "25006": "read_only_sql_transaction", "22001": "string_data_right_truncation", "22003": "numeric_value_out_of_range",
    ]
}
