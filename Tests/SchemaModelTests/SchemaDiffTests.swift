import Foundation
@testable import SchemaModel
import Testing

/// `SchemaDiff`: every kind of change it reports, in its order, and nothing for equal snapshots.
@Suite("Schema diff")
struct SchemaDiffTests {
    static func name(_ text: String) -> QualifiedName {
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        return QualifiedName(schema: parts[0], name: parts[1])
    }

    static func column(_ name: String, _ sqlType: String = "text", nullable: Bool = true, default defaultExpression: String? = nil,
                       identity: IdentityKind? = nil, generated: String? = nil, comment: String? = nil) -> Column {
        Column(name: name, type: Self.name("pg_catalog.\(sqlType)"), sqlType: sqlType, isNullable: nullable, defaultExpression: defaultExpression,
               identity: identity, generatedExpression: generated, comment: comment)
    }

    static func relation(_ qualified: String, _ kind: RelationKind = .table, _ columns: [Column] = []) -> Relation {
        let name = name(qualified)
        return Relation(schema: name.schema, name: name.name, kind: kind, columns: columns)
    }

    static func type(_ qualified: String, _ kind: TypeKind) -> TypeDefinition {
        let name = name(qualified)
        return TypeDefinition(schema: name.schema, name: name.name, kind: kind, category: "U")
    }

    static func snapshot(_ relations: [Relation] = [], types: [TypeDefinition] = []) -> SchemaSnapshot {
        SchemaSnapshot(schemas: [Namespace(name: "public")], relations: relations, types: types)
    }

    static func lines(_ old: SchemaSnapshot, _ new: SchemaSnapshot) -> [String] {
        SchemaDiff.changes(from: old, to: new).map(\.description)
    }

    @Test func equalSnapshotsHaveNoChanges() throws {
        var random = RandomSnapshots(seed: 11)
        for _ in 0..<20 {
            let snapshot = Self.uniquelyNamed(random.snapshot())
            #expect(SchemaDiff.changes(from: snapshot, to: snapshot).isEmpty)
        }
        #expect(SchemaDiff.changes(from: Self.snapshot(), to: Self.snapshot()).isEmpty)
        let reference = try SchemaSnapshot.decode(from: Data(contentsOf: SnapshotCodingTests.packageRoot.appendingPathComponent("Schema/snapshot.json")))
        #expect(SchemaDiff.changes(from: reference, to: reference).isEmpty)
    }

    /// The catalog never has two relations, columns, constraints or types of one name, and the
    /// diff matches by name; random snapshots get distinct names.
    static func uniquelyNamed(_ snapshot: SchemaSnapshot) -> SchemaSnapshot {
        var snapshot = snapshot
        for (index, _) in snapshot.relations.enumerated() {
            snapshot.relations[index].schema = "s"
            snapshot.relations[index].name = "r\(index)"
            for column in snapshot.relations[index].columns.indices { snapshot.relations[index].columns[column].name = "c\(column)" }
            for key in snapshot.relations[index].uniqueConstraints.indices { snapshot.relations[index].uniqueConstraints[key].name = "u\(key)" }
            for key in snapshot.relations[index].foreignKeys.indices { snapshot.relations[index].foreignKeys[key].name = "f\(key)" }
            for key in snapshot.relations[index].checkConstraints.indices { snapshot.relations[index].checkConstraints[key].name = "k\(key)" }
            for key in snapshot.relations[index].indexes.indices { snapshot.relations[index].indexes[key].name = "i\(key)" }
        }
        for (index, _) in snapshot.types.enumerated() {
            snapshot.types[index].schema = "s"
            snapshot.types[index].name = "t\(index)"
            snapshot.types[index].enumLabels = snapshot.types[index].enumLabels.map { $0.indices.map { "l\($0)" } }
            snapshot.types[index].attributes = snapshot.types[index].attributes.map { list in
                list.enumerated().map { CompositeAttribute(name: "a\($0.offset)", type: $0.element.type, sqlType: $0.element.sqlType) }
            }
        }
        return snapshot
    }

    @Test func relationsAddedAndRemovedInNameOrder() {
        let old = Self.snapshot([Self.relation("public.users"), Self.relation("public.v", .view), Self.relation("b.first", .foreignTable)])
        let new = Self.snapshot([Self.relation("public.users"), Self.relation("public.orders", .partitionedTable), Self.relation("a.last", .materializedView)])
        #expect(Self.lines(old, new) == [
            "+ materialized view a.last",
            "- foreign table b.first",
            "+ partitioned table public.orders",
            "- view public.v",
        ])
        let change = SchemaDiff.changes(from: old, to: new)[0]
        #expect(change.kind == .added && change.subject == "materialized view a.last" && change.detail == nil)
    }

    @Test func kindChangesNameTheOldKind() {
        #expect(Self.lines(Self.snapshot([Self.relation("public.t")]), Self.snapshot([Self.relation("public.t", .partitionedTable)]))
            == ["~ partitioned table public.t: was a table"])
    }

    @Test func everyRelationChangeInOrder() {
        var before = Self.relation("public.users", .table, [
            Self.column("id", "int8", nullable: false), Self.column("email", nullable: false), Self.column("name"),
            Self.column("legacy"), Self.column("n", "int4", nullable: false),
        ])
        before.primaryKey = KeyConstraint(name: "users_pkey", columns: ["id"])
        before.uniqueConstraints = [KeyConstraint(name: "u1", columns: ["email"]), KeyConstraint(name: "u2", columns: ["name"])]
        before.checkConstraints = [CheckConstraint(name: "c1", definition: "CHECK (n > 0)")]
        before.indexes = [Index(name: "i1", columns: ["name"], isUnique: false, definition: "CREATE INDEX i1 ON public.users USING btree (name)")]

        var after = Self.relation("public.users", .table, [
            Self.column("id", "int8", nullable: false, identity: .always),
            Self.column("name", nullable: false, default: "'x'::text", comment: "Shown to others"),
            Self.column("email", "citext", nullable: true),
            Self.column("n", "int4", nullable: false, generated: "1"),
            Self.column("created", "timestamp with time zone", nullable: false),
        ])
        after.primaryKey = KeyConstraint(name: "users_pkey", columns: ["id", "name"])
        after.uniqueConstraints = [KeyConstraint(name: "u1", columns: ["email", "name"]), KeyConstraint(name: "u3", columns: ["n"])]
        after.foreignKeys = [ForeignKey(name: "fk1", columns: ["org_id"], referencedRelation: Self.name("public.orgs"), referencedColumns: ["id"],
                                        onDelete: .cascade)]
        after.checkConstraints = [CheckConstraint(name: "c1", definition: "CHECK (n >= 0)")]
        after.partitionOf = Self.name("public.parent")
        after.inheritsFrom = [Self.name("public.base"), Self.name("other.base")]
        after.comment = "People"

        let subject = "~ table public.users: "
        #expect(Self.lines(Self.snapshot([before]), Self.snapshot([after])) == [
            "column created added (timestamp with time zone NOT NULL)",
            "column id identity none → always",
            "column email type text → citext",
            "column email now nullable",
            "column name now NOT NULL",
            "column name default none → 'x'::text",
            "column name comment changed",
            "column legacy removed",
            "column n generation expression changed",
            "columns reordered",
            "primary key (id) → (id, name)",
            "unique constraint u1 changed: (email) → (email, name)",
            "unique constraint u3 added: (n)",
            "unique constraint u2 dropped",
            "foreign key fk1 added: (org_id → public.orgs(id) ON DELETE CASCADE)",
            "check constraint c1 changed: CHECK (n > 0) → CHECK (n >= 0)",
            "index i1 dropped",
            "partition of public.parent (was nothing)",
            "inherits from public.base, other.base",
            "comment changed",
        ].map { subject + $0 })
        #expect(SchemaDiff.changes(from: Self.snapshot([before]), to: Self.snapshot([after])).allSatisfy { $0.kind == .changed })
    }

    @Test func constraintChangesAndDropsOfEveryKind() {
        var before = Self.relation("public.t")
        before.primaryKey = KeyConstraint(name: "t_pkey", columns: ["a"])
        before.foreignKeys = [ForeignKey(name: "fk", columns: ["a"], referencedRelation: Self.name("public.u"), referencedColumns: ["id"])]
        before.indexes = [Index(name: "i", columns: ["a"], isUnique: false, definition: "CREATE INDEX i ON public.t USING btree (a)")]
        before.partitionOf = Self.name("public.p")
        var after = Self.relation("public.t")
        after.foreignKeys = [ForeignKey(name: "fk", columns: ["a"], referencedRelation: Self.name("public.u"), referencedColumns: ["id"], onDelete: .setNull)]
        after.checkConstraints = [CheckConstraint(name: "c", definition: "CHECK (a > 0)")]
        after.indexes = [Index(name: "i", columns: ["a"], isUnique: true, definition: "CREATE UNIQUE INDEX i ON public.t USING btree (a)")]
        #expect(Self.lines(Self.snapshot([before]), Self.snapshot([after])) == [
            "~ table public.t: primary key (a) → none",
            "~ table public.t: foreign key fk changed: (a → public.u(id) ON DELETE NO ACTION) → (a → public.u(id) ON DELETE SET NULL)",
            "~ table public.t: check constraint c added: CHECK (a > 0)",
            "~ table public.t: index i changed: CREATE INDEX i ON public.t USING btree (a) → CREATE UNIQUE INDEX i ON public.t USING btree (a)",
            "~ table public.t: partition of nothing (was public.p)",
        ])
    }

    @Test func viewDefinitionsAndUnchangedDetails() {
        var before = Self.relation("public.v", .view, [Self.column("a")])
        before.viewDefinition = " SELECT 1 AS a;"
        var after = before
        #expect(Self.lines(Self.snapshot([before]), Self.snapshot([after])).isEmpty)
        after.viewDefinition = " SELECT 2 AS a;"
        #expect(Self.lines(Self.snapshot([before]), Self.snapshot([after])) == ["~ view public.v: definition changed"])
    }

    @Test func userTypesAddedRemovedAndKindChanged() {
        let old = Self.snapshot(types: [Self.type("public.amount", .domain), Self.type("public.t", .composite), Self.type("pg_catalog.int4", .base)])
        let new = Self.snapshot(types: [
            Self.type("public.mood", .enumeration), Self.type("public.t", .enumeration), Self.type("public._mood", .array),
            Self.type("pg_catalog.text", .base), Self.type("public.span", .range), Self.type("public.spans", .multirange),
        ])
        #expect(Self.lines(old, new) == [
            "- domain public.amount",
            "+ enum public.mood",
            "+ range type public.span",
            "+ multirange type public.spans",
            "~ enum public.t: was a composite type",
        ])
    }

    @Test func enumLabelChanges() {
        var before = Self.type("public.mood", .enumeration)
        before.enumLabels = ["a", "b", "c"]
        var after = before
        after.enumLabels = ["c", "a", "d"]
        #expect(Self.lines(Self.snapshot(types: [before]), Self.snapshot(types: [after])) == [
            "~ enum public.mood: label 'd' added",
            "~ enum public.mood: label 'b' removed",
            "~ enum public.mood: labels reordered",
        ])
    }

    @Test func domainChanges() {
        var before = Self.type("public.amount", .domain)
        before.domain = DomainDetails(baseType: Self.name("pg_catalog.numeric"), baseSQLType: "numeric(10,2)")
        var after = before
        after.domain = DomainDetails(baseType: Self.name("pg_catalog.numeric"), baseSQLType: "numeric(12,2)", isNotNull: true, defaultExpression: "0",
                                     checks: [CheckConstraint(name: "positive", definition: "CHECK (VALUE >= 0)")])
        after.comment = "Money"
        #expect(Self.lines(Self.snapshot(types: [before]), Self.snapshot(types: [after])) == [
            "~ domain public.amount: base type numeric(10,2) → numeric(12,2)",
            "~ domain public.amount: now NOT NULL",
            "~ domain public.amount: default none → 0",
            "~ domain public.amount: checks changed",
            "~ domain public.amount: comment changed",
        ])
        #expect(Self.lines(Self.snapshot(types: [after]), Self.snapshot(types: [before])).contains("~ domain public.amount: no longer NOT NULL"))
    }

    @Test func compositeAndRangeChanges() {
        var before = Self.type("public.point3", .composite)
        before.attributes = [CompositeAttribute(name: "x", type: Self.name("pg_catalog.float8"), sqlType: "double precision"),
                             CompositeAttribute(name: "y", type: Self.name("pg_catalog.float8"), sqlType: "double precision")]
        var after = before
        after.attributes = [CompositeAttribute(name: "x", type: Self.name("pg_catalog.numeric"), sqlType: "numeric"),
                            CompositeAttribute(name: "z", type: Self.name("pg_catalog.text"), sqlType: "text")]
        #expect(Self.lines(Self.snapshot(types: [before]), Self.snapshot(types: [after])) == [
            "~ composite type public.point3: attribute z added (text)",
            "~ composite type public.point3: attribute x type double precision → numeric",
            "~ composite type public.point3: attribute y removed",
        ])
        var range = Self.type("public.span", .range)
        range.rangeElement = Self.name("pg_catalog.int4")
        var widened = range
        widened.rangeElement = Self.name("pg_catalog.int8")
        #expect(Self.lines(Self.snapshot(types: [range]), Self.snapshot(types: [widened])) == ["~ range type public.span: subtype changed"])
    }

    @Test func relationsComeBeforeTypes() {
        let old = Self.snapshot([Self.relation("z.t")], types: [Self.type("a.e", .enumeration)])
        let new = Self.snapshot([], types: [])
        #expect(Self.lines(old, new) == ["- table z.t", "- enum a.e"])
    }
}
