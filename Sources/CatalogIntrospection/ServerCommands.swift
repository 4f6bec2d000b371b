/// Statements outside introspection that `--from-migrations` needs on a server it is given:
/// creating and dropping its scratch database.
public enum ServerCommands {
    /// Runs one statement (no results) on `target`.
    public static func execute(_ sql: String, on target: ConnectionTarget) throws(IntrospectionError) {
        let connection = try LibPQConnection(target)
        try connection.execute(sql, simple: true)
    }

    /// The identifier in double quotes, with embedded quotes doubled.
    public static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
