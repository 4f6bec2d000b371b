@testable import CatalogIntrospection
import SchemaModel
import Testing

/// Snapshot assembly from recorded catalog rows, without a database: values are read by column
/// name, and a missing column or value is an error naming the query and the column.
@Suite("Snapshot assembly from recorded rows")
struct SnapshotAssemblerTests {
    typealias Q = CatalogQueries

    /// A recorded result with every column of `Column`, in declaration order unless `order` is given.
    static func table<Column: CatalogColumn>(_ rows: [[Column: String?]], order: [Column]? = nil, dropping: Set<Column> = []) -> RecordedTable {
        let columns = (order ?? Array(Column.allCases)).filter { !dropping.contains($0) }
        return RecordedTable(columns: columns.map(\.rawValue), rows: rows.map { row in columns.map { row[$0] ?? nil } })
    }

    static let schemaRows: [[Q.SchemaColumn: String?]] = [
        [.name: "public", .comment: "standard public schema", .requested: "t", .database: "app"],
        [.name: "audit", .requested: "f", .database: "app"],
    ]

    static let relationRows: [[Q.RelationColumn: String?]] = [
        [.oid: "200", .schema: "public", .name: "posts", .kind: "r", .isPartition: "f", .parentSchemas: "{}", .parentNames: "{}"],
        [.oid: "100", .schema: "public", .name: "users", .kind: "r", .isPartition: "f", .comment: "People.", .parentSchemas: "{}", .parentNames: "{}"],
        [.oid: "300", .schema: "public", .name: "user_emails", .kind: "v", .isPartition: "f", .parentSchemas: "{}", .parentNames: "{}",
         .viewDefinition: " SELECT users.email FROM public.users;",
         .viewQueryTree: "({QUERY :commandType 1 :rtable ({RANGETBLENTRY :rtekind 0 :relid 100}) "
             + ":jointree {FROMEXPR :fromlist ({RANGETBLREF :rtindex 1}) :quals <>} "
             + ":targetList ({TARGETENTRY :expr {VAR :varno 1 :varattno 2 :varlevelsup 0} :resno 1 :resname email :resjunk false}) "
             + ":groupingSets <> :setOperations <>})"],
    ]

    static let columnRows: [[Q.ColumnColumn: String?]] = [
        [.relationOID: "100", .attributeNumber: "1", .name: "id", .typeOID: "23", .sqlType: "integer", .notNull: "t", .notNullNotValid: "f",
         .identity: "a", .generated: "", .dimensions: "0"],
        [.relationOID: "100", .attributeNumber: "2", .name: "email", .typeOID: "25", .sqlType: "text", .notNull: "t", .notNullNotValid: "f",
         .identity: "", .generated: "", .dimensions: "0", .comment: "Where to write."],
        [.relationOID: "100", .attributeNumber: "3", .name: "role", .typeOID: "1000", .sqlType: "public.user_role", .notNull: "f",
         .notNullNotValid: "f", .expression: "'member'::public.user_role", .identity: "", .generated: "", .dimensions: "0"],
        [.relationOID: "100", .attributeNumber: "4", .name: "shout", .typeOID: "25", .sqlType: "text", .notNull: "f", .notNullNotValid: "f",
         .expression: "upper(email)", .identity: "", .generated: "v", .dimensions: "0"],
        [.relationOID: "200", .attributeNumber: "1", .name: "id", .typeOID: "23", .sqlType: "integer", .notNull: "t", .notNullNotValid: "f",
         .identity: "", .generated: "", .dimensions: "0"],
        [.relationOID: "200", .attributeNumber: "2", .name: "user_id", .typeOID: "23", .sqlType: "integer", .notNull: "t", .notNullNotValid: "t",
         .identity: "", .generated: "", .dimensions: "0"],
        [.relationOID: "300", .attributeNumber: "1", .name: "email", .typeOID: "25", .sqlType: "text", .notNull: "f", .notNullNotValid: "f",
         .identity: "", .generated: "", .dimensions: "0"],
    ]

    static let constraintRows: [[Q.ConstraintColumn: String?]] = [
        [.relationOID: "100", .name: "users_pkey", .kind: "p", .columns: "{id}", .referencedColumns: "{}", .onUpdate: " ", .onDelete: " ",
         .isDeferrable: "f", .isPeriod: "f", .isEnforced: "t", .isValidated: "t"],
        [.relationOID: "200", .name: "posts_user_id_fkey", .kind: "f", .columns: "{user_id}", .referencedSchema: "public", .referencedRelation: "users",
         .referencedColumns: "{id}", .onUpdate: "a", .onDelete: "c", .isDeferrable: "f", .comment: "The author.",
         .isPeriod: "f", .isEnforced: "f", .isValidated: "f"],
        [.relationOID: "100", .name: "users_email_check", .kind: "c", .columns: "{email}", .referencedColumns: "{}", .onUpdate: " ", .onDelete: " ",
         .isDeferrable: "f", .definition: "CHECK ((email <> ''::text))", .isPeriod: "f", .isEnforced: "t", .isValidated: "t"],
    ]

    static let indexRows: [[Q.IndexColumn: String?]] = [
        [.relationOID: "200", .name: "posts_lower_idx", .isUnique: "f", .columns: "{NULL}", .method: "btree",
         .definition: "CREATE INDEX posts_lower_idx ON public.posts USING btree (lower((id)::text))"],
    ]

    static let typeRows: [[Q.TypeColumn: String?]] = [
        [.oid: "23", .schema: "pg_catalog", .name: "int4", .kind: "b", .category: "N", .binaryIO: "t", .notNull: "f", .dimensions: "0"],
        [.oid: "25", .schema: "pg_catalog", .name: "text", .kind: "b", .category: "S", .binaryIO: "t", .notNull: "f", .dimensions: "0"],
        [.oid: "1000", .schema: "public", .name: "user_role", .kind: "e", .category: "E", .binaryIO: "t", .notNull: "f", .dimensions: "0",
         .comment: "Roles.", .enumLabels: "{member,admin}"],
    ]

    static func results(
        relations: RecordedTable = table(relationRows),
        columns: RecordedTable = table(columnRows),
        constraints: RecordedTable = table(constraintRows)
    ) -> CatalogResults<RecordedTable> {
        CatalogResults(schemas: table(schemaRows), relations: relations, columns: columns, constraints: constraints,
                       indexes: table(indexRows), types: table(typeRows))
    }

    static func assemble(_ results: CatalogResults<RecordedTable>) throws(IntrospectionError) -> SchemaSnapshot {
        try SnapshotAssembler(results: results, requestedSchemas: ["public"]).assemble()
    }

    @Test func assemblesASortedSnapshotFromRecordedRows() throws {
        let snapshot = try Self.assemble(Self.results())
        #expect(snapshot.schemas == [Namespace(name: "public", comment: "standard public schema")])
        #expect(snapshot.relations.map(\.name) == ["posts", "user_emails", "users"])
        #expect(snapshot.types.map(\.name) == ["int4", "text", "user_role"])

        let users = try #require(snapshot.relation(QualifiedName(schema: "public", name: "users")))
        #expect(users.comment == "People.")
        #expect(users.columns.map(\.name) == ["id", "email", "role", "shout"])
        #expect(users.columns[0].identity == .always && !users.columns[0].isNullable)
        #expect(users.columns[1].comment == "Where to write." && users.columns[1].type == QualifiedName(schema: "pg_catalog", name: "text"))
        #expect(users.columns[2].defaultExpression == "'member'::public.user_role" && users.columns[2].isNullable)
        #expect(users.columns[3].generatedExpression == "upper(email)" && users.columns[3].isVirtual == true && users.columns[3].defaultExpression == nil)
        #expect(users.primaryKey == KeyConstraint(name: "users_pkey", columns: ["id"]))
        #expect(users.checkConstraints == [CheckConstraint(name: "users_email_check", definition: "CHECK ((email <> ''::text))")])

        let posts = try #require(snapshot.relation(QualifiedName(schema: "public", name: "posts")))
        #expect(posts.columns[1].isNullable && posts.columns[1].notNullNotValid == true, "a NOT VALID NOT NULL column may hold NULL")
        #expect(posts.foreignKeys == [ForeignKey(
            name: "posts_user_id_fkey", columns: ["user_id"], referencedRelation: QualifiedName(schema: "public", name: "users"),
            referencedColumns: ["id"], onDelete: .cascade, comment: "The author.", isEnforced: false, isValidated: false)])
        #expect(posts.indexes.first?.columns == [nil])

        let view = try #require(snapshot.relation(QualifiedName(schema: "public", name: "user_emails")))
        #expect(view.columns[0].origin == ColumnReference(relation: users.qualifiedName, column: "email"))
        #expect(snapshot.types[2].enumLabels == ["member", "admin"])
    }

    @Test func theFirstHalfHasEverythingButKeysAndTheSecondAddsThemToTheirRelations() throws {
        let results = Self.results()
        let assembler = SnapshotAssembler(results: results, requestedSchemas: ["public"])
        let firstHalf = try assembler.assembleColumns()
        let whole = try Self.assemble(results)
        // Relation rows arrive as posts (200), users (100), user_emails (300): keys are found by
        // OID in the sorted relations.
        #expect(firstHalf.snapshot.relations.map(\.name) == ["posts", "user_emails", "users"])
        #expect(firstHalf.indexByOID == [200: 0, 300: 1, 100: 2])
        #expect(firstHalf.snapshot.relations.map(\.columns) == whole.relations.map(\.columns))
        #expect(firstHalf.snapshot.types == whole.types && firstHalf.snapshot.schemas == whole.schemas)
        #expect(firstHalf.snapshot.relations.allSatisfy {
            $0.primaryKey == nil && $0.foreignKeys.isEmpty && $0.checkConstraints.isEmpty && $0.indexes.isEmpty
        })
        let completed = try assembler.complete(firstHalf, constraints: results.constraints, indexes: results.indexes)
        #expect(completed == whole)
        #expect(completed.relations[2].primaryKey?.name == "users_pkey" && completed.relations[0].foreignKeys.map(\.name) == ["posts_user_id_fkey"])
    }

    @Test func readsByNameWhateverTheColumnOrder() throws {
        let reordered = Self.results(
            relations: Self.table(Self.relationRows, order: Q.RelationColumn.allCases.reversed()),
            columns: Self.table(Self.columnRows, order: Q.ColumnColumn.allCases.reversed()),
            constraints: Self.table(Self.constraintRows, order: Q.ConstraintColumn.allCases.reversed()))
        #expect(try Self.assemble(reordered) == Self.assemble(Self.results()))
    }

    @Test func recordsTemporalKeys() throws {
        var rows = Self.constraintRows
        rows[0][.isPeriod] = "t"
        rows[0][.columns] = "{id,valid_at}"
        rows[1][.isPeriod] = "t"
        rows[1][.columns] = "{user_id,valid_at}"
        rows[1][.referencedColumns] = "{id,valid_at}"
        let snapshot = try Self.assemble(Self.results(constraints: Self.table(rows)))
        let users = try #require(snapshot.relation(QualifiedName(schema: "public", name: "users")))
        #expect(users.primaryKey?.withoutOverlaps == "valid_at")
        let key = try #require(snapshot.relation(QualifiedName(schema: "public", name: "posts"))?.foreignKeys.first)
        #expect(key.period == "valid_at" && key.referencedPeriod == "valid_at")
    }

    @Test func aMissingColumnIsAnErrorNamingTheQueryAndTheColumn() throws {
        let withoutName = Self.results(relations: Self.table(Self.relationRows, dropping: [.name]))
        #expect(throws: IntrospectionError.catalogColumnMissing(query: "relations", column: "relation_name")) {
            try Self.assemble(withoutName)
        }
        let withoutPeriod = Self.results(constraints: Self.table(Self.constraintRows, dropping: [.isPeriod]))
        #expect(throws: IntrospectionError.catalogColumnMissing(query: "constraints", column: "is_period")) {
            try Self.assemble(withoutPeriod)
        }
    }

    @Test func aMissingValueIsAnErrorNamingTheQueryAndTheColumn() throws {
        var rows = Self.columnRows
        rows[1][.sqlType] = .some(nil)
        let error = try #require(throws: IntrospectionError.self) { try Self.assemble(Self.results(columns: Self.table(rows))) }
        #expect(error == .catalogValueMissing(query: "columns", column: "sql_type", detail: "row 2"))
        let message = error.description
        #expect(!message.contains("\n") && message.contains("\"columns\"") && message.contains("\"sql_type\""))

        var malformed = Self.columnRows
        malformed[0][.notNull] = "maybe"
        #expect(throws: IntrospectionError.catalogValueMissing(query: "columns", column: "not_null", detail: "row 1")) {
            try Self.assemble(Self.results(columns: Self.table(malformed)))
        }
    }

    @Test func aColumnOfATypeTheTypesQueryMissedIsAnError() throws {
        var rows = Self.columnRows
        rows[0][.typeOID] = "4242"
        #expect(throws: IntrospectionError.self) { try Self.assemble(Self.results(columns: Self.table(rows))) }
    }
}
