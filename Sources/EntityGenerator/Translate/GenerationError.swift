/// A generation request the schema cannot satisfy. Cases carry facts; `description` words them
/// for any caller, and front ends may word them in their own terms (naming their flags or
/// configuration keys).
public enum GenerationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A requested schema is not in the snapshot.
    case schemaNotInSnapshot(schema: String, available: [String])
    /// Table filters that match no table or view of the requested schemas.
    case unmatchedTables([String], schemas: [String])
    /// No table or view to generate. Writing only the prelude would also delete every entity
    /// generated before — almost never what was meant (a wrong database name that happens to
    /// exist, a wrong schema) — so callers treat it as an error unless asked not to.
    case nothingToGenerate(source: String, schemas: [String])

    public var description: String {
        switch self {
        case let .schemaNotInSnapshot(schema, available):
            return "schema \"\(schema)\" is not in the snapshot (it has \(available.joined(separator: ", "))): take a new snapshot that includes it"
        case let .unmatchedTables(names, schemas):
            return "\(Self.tableList(names)) \(names.count == 1 ? "is" : "are") not a table or view in \(Self.place(schemas)): check the spelling, or add the schema that holds \(names.count == 1 ? "it" : "them")"
        case let .nothingToGenerate(source, schemas):
            return "no tables or views to generate in \(Self.place(schemas)) of \(source): check that this is the database that holds the tables and that the schema is right"
        }
    }

    /// `schema public` or `schemas a, b`.
    public static func place(_ schemas: [String]) -> String {
        schemas.count == 1 ? "schema \(schemas[0])" : "schemas \(schemas.joined(separator: ", "))"
    }

    /// `"a", "b"`.
    public static func tableList(_ names: [String]) -> String {
        names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
