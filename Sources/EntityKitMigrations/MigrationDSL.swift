/// The schema DSL's vocabulary: tables, columns, constraints, indexes, types and raw steps.
///
/// The names live in this namespace rather than at the top level, so that an app importing
/// the migrations module beside its generated models (whose entities each declare a `Column`
/// and a `PrimaryKey`) sees no second, unrelated `Column`. Inside a ``Migration`` they are
/// available unqualified through the typealiases below:
///
/// ```swift
/// struct M20250125_000001_CreateAuthTables: Migration {
///     var up: [any MigrationStep] {
///         CreateTable("users") {
///             Column("id", .uuid).primaryKey()
///         }
///     }
/// }
/// ```
///
/// Elsewhere, qualify them: `MigrationDSL.CreateTable`.
public enum MigrationDSL {}

extension Migration {
    /// ``MigrationDSL/CreateTable``: `CREATE TABLE`.
    public typealias CreateTable = MigrationDSL.CreateTable
    /// ``MigrationDSL/DropTable``: `DROP TABLE`.
    public typealias DropTable = MigrationDSL.DropTable
    /// ``MigrationDSL/RenameTable``: `ALTER TABLE … RENAME TO`.
    public typealias RenameTable = MigrationDSL.RenameTable
    /// ``MigrationDSL/AlterTable``: `ALTER TABLE` with a list of changes.
    public typealias AlterTable = MigrationDSL.AlterTable
    /// ``MigrationDSL/TableChange``: one change inside `AlterTable`.
    public typealias TableChange = MigrationDSL.TableChange
    /// ``MigrationDSL/AddColumn``: `ALTER TABLE … ADD COLUMN`.
    public typealias AddColumn = MigrationDSL.AddColumn
    /// ``MigrationDSL/DropColumn``: `ALTER TABLE … DROP COLUMN`.
    public typealias DropColumn = MigrationDSL.DropColumn
    /// ``MigrationDSL/Column``: a column declaration.
    public typealias Column = MigrationDSL.Column
    /// ``MigrationDSL/PrimaryKey``: a composite `PRIMARY KEY` constraint.
    public typealias PrimaryKey = MigrationDSL.PrimaryKey
    /// ``MigrationDSL/Unique``: a `UNIQUE` constraint.
    public typealias Unique = MigrationDSL.Unique
    /// ``MigrationDSL/ForeignKey``: a `FOREIGN KEY` constraint.
    public typealias ForeignKey = MigrationDSL.ForeignKey
    /// ``MigrationDSL/Check``: a `CHECK` constraint.
    public typealias Check = MigrationDSL.Check
    /// ``MigrationDSL/CreateIndex``: `CREATE INDEX`.
    public typealias CreateIndex = MigrationDSL.CreateIndex
    /// ``MigrationDSL/DropIndex``: `DROP INDEX`.
    public typealias DropIndex = MigrationDSL.DropIndex
    /// ``MigrationDSL/CreateEnum``: `CREATE TYPE … AS ENUM`.
    public typealias CreateEnum = MigrationDSL.CreateEnum
    /// ``MigrationDSL/AddEnumValue``: `ALTER TYPE … ADD VALUE`.
    public typealias AddEnumValue = MigrationDSL.AddEnumValue
    /// ``MigrationDSL/DropType``: `DROP TYPE` or `DROP DOMAIN`.
    public typealias DropType = MigrationDSL.DropType
    /// ``MigrationDSL/SQL``: raw SQL statements.
    public typealias SQL = MigrationDSL.SQL
    /// ``MigrationDSL/Run``: Swift code run on the migration's connection.
    public typealias Run = MigrationDSL.Run
    /// ``MigrationDSL/SQLType``: a column type.
    public typealias SQLType = MigrationDSL.SQLType
    /// ``MigrationDSL/SQLDefault``: a column default.
    public typealias SQLDefault = MigrationDSL.SQLDefault
}
