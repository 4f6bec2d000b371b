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
    public typealias CreateTable = MigrationDSL.CreateTable
    public typealias DropTable = MigrationDSL.DropTable
    public typealias RenameTable = MigrationDSL.RenameTable
    public typealias AlterTable = MigrationDSL.AlterTable
    public typealias TableChange = MigrationDSL.TableChange
    public typealias AddColumn = MigrationDSL.AddColumn
    public typealias DropColumn = MigrationDSL.DropColumn
    public typealias Column = MigrationDSL.Column
    public typealias PrimaryKey = MigrationDSL.PrimaryKey
    public typealias Unique = MigrationDSL.Unique
    public typealias ForeignKey = MigrationDSL.ForeignKey
    public typealias Check = MigrationDSL.Check
    public typealias CreateIndex = MigrationDSL.CreateIndex
    public typealias DropIndex = MigrationDSL.DropIndex
    public typealias CreateEnum = MigrationDSL.CreateEnum
    public typealias AddEnumValue = MigrationDSL.AddEnumValue
    public typealias DropType = MigrationDSL.DropType
    public typealias SQL = MigrationDSL.SQL
    public typealias Run = MigrationDSL.Run
    public typealias SQLType = MigrationDSL.SQLType
    public typealias SQLDefault = MigrationDSL.SQLDefault
}
