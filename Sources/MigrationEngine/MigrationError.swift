
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
    /// `baseline` was given a version no migration has.
    case unknownVersion(String)
    /// `baseline` was run on a database that already records this many applied migrations.
    case baselineOverHistory(Int)

    public var description: String {
        switch self {
        case let .failed(name, direction, underlying):
            "migration \(name) failed (\(direction)): \(underlying); nothing of it was kept"
        case let .missingCode(name):
            "cannot roll back \(name): it is applied but its code is missing; restore the migration first"
        case let .duplicateName(name):
            "two migrations are named \(name): give each a unique name"
        case let .historyDiverged(problems):
            "the applied migrations differ from the code, so nothing was applied: \(problems.joined(separator: "; ")); "
                + "write a new migration instead of editing an applied one, or review and run `migrate repair` to accept the code as it is"
        case let .outOfOrder(names, last):
            "\(names.joined(separator: ", ")) \(names.count == 1 ? "sorts" : "sort") before \(last), which is applied, so nothing was applied: "
                + "give \(names.count == 1 ? "it a name" : "them names") after it, or run `migrate up --allow-out-of-order`"
        case let .unknownVersion(version):
            "no migration is named \(version): baseline takes the name of the last migration the database already reflects (see `migrate status`)"
        case let .baselineOverHistory(count):
            "the database already records \(count) applied migration\(count == 1 ? "" : "s"), so baseline changed nothing: "
                + "baseline is for a database that has never been migrated by this tool"
        }
    }
}
