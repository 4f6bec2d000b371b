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
    /// A rename (`renames` or `relationRenames` key `key`) that cannot be granted.
    case invalidRename(key: String, name: String, problem: RenameProblem)

    public var description: String {
        switch self {
        case let .schemaNotInSnapshot(schema, available):
            return "schema \"\(schema)\" is not in the snapshot (it has \(available.joined(separator: ", "))): take a new snapshot that includes it"
        case let .unmatchedTables(names, schemas):
            return "\(Self.tableList(names)) \(names.count == 1 ? "is" : "are") not a table or view in \(Self.place(schemas)): "
                + "check the spelling, or add the schema that holds \(names.count == 1 ? "it" : "them")"
        case let .nothingToGenerate(source, schemas):
            return "no tables or views to generate in \(Self.place(schemas)) of \(source): "
                + "check that this is the database that holds the tables and that the schema is right"
        case let .invalidRename(key, name, problem):
            return Self.renameMessage(key: key, name: name, problem: problem)
        }
    }

    /// `the rename of public.users.email to "mail" …: what to do`.
    public static func renameMessage(key: String, name: String, problem: RenameProblem) -> String {
        if case let .ambiguousConstraint(tables) = problem {
            return "the relation rename \"\(key)\" names a constraint of \(tables.joined(separator: " and ")): "
                + "qualify it as \(tables.map { "\"\($0).\(key)\"" }.joined(separator: " or "))"
        }
        return "the rename of \(key) to \"\(name)\" \(problem): choose another name"
            + (problem.isCollision ? ", or rename that one too" : "")
    }

    /// The warning for a skipped hidden table, naming both ways to include it.
    static let hiddenTableSkipped = "hidden (its name starts with _): skipped; "
        + "pass --include-hidden-tables or set \"includeHiddenTables\": true in codegen.json to generate it"

    /// `schema public` or `schemas a, b`.
    public static func place(_ schemas: [String]) -> String {
        schemas.count == 1 ? "schema \(schemas[0])" : "schemas \(schemas.joined(separator: ", "))"
    }

    /// `"a", "b"`.
    public static func tableList(_ names: [String]) -> String {
        names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

/// Why a rename cannot be granted.
public enum RenameProblem: Equatable, Sendable, CustomStringConvertible {
    /// Not usable as a Swift identifier.
    case notAnIdentifier
    /// A Swift keyword.
    case keyword
    /// A name generated code declares or relies on (`Column`, `primaryKey`, `UUID`, …).
    case reserved
    /// Already granted to another declaration of the same scope.
    case taken
    /// Another declaration's own name: granting it would silently rename that one.
    case collides(with: String)
    /// Another rename in the same scope asks for the same name.
    case sameAsRename(of: String)
    /// An unqualified constraint name that several tables use.
    case ambiguousConstraint(tables: [String])

    var isCollision: Bool {
        switch self {
        case .collides, .sameAsRename, .taken: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .notAnIdentifier: return "is not a legal Swift identifier"
        case .keyword: return "is a Swift keyword"
        case .reserved: return "is a name generated code already uses"
        case .taken: return "is already the name of another generated declaration"
        case let .collides(other): return "collides with \(other)"
        case let .sameAsRename(other): return "is also what \(other) is renamed to"
        case let .ambiguousConstraint(tables): return "names a constraint of several tables (\(tables.joined(separator: ", ")))"
        }
    }
}
