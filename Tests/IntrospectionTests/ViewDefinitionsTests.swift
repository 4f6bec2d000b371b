import SchemaModel
import Testing

/// View definitions as PostgreSQL 15 and 16+ print the same view.
@Suite("View definitions across PostgreSQL versions")
struct ViewDefinitionsTests {
    @Test func columnsQualifiedOnlyBy15AreEquivalent() {
        let fifteen = " SELECT q.release,\n    q.\"Date\"\n   FROM ( SELECT t.release, t.\"Date\" FROM musicbrainz.t) q;"
        let sixteen = " SELECT release,\n    \"Date\"\n   FROM ( SELECT t.release, t.\"Date\" FROM musicbrainz.t) q;"
        #expect(ViewDefinitions.equivalent(fifteen, sixteen))
        #expect(ViewDefinitions.equivalent(sixteen, fifteen))
        #expect(ViewDefinitions.equivalent(" SELECT p.pid FROM parents p;", " SELECT pid FROM parents p;"))
    }

    @Test func anyOtherChangeIsADifference() {
        #expect(!ViewDefinitions.equivalent(" SELECT q.a FROM t q;", " SELECT b FROM t q;"))
        #expect(!ViewDefinitions.equivalent(" SELECT 1.5;", " SELECT 5;"))
        #expect(!ViewDefinitions.equivalent(" SELECT a FROM t WHERE x > 1;", " SELECT a FROM t WHERE x > 2;"))
    }

    @Test func driftIgnoresTheQualifiersOnly() {
        let view = { (definition: String) in
            Relation(schema: "public", name: "v", kind: .view, columns: [], viewDefinition: definition)
        }
        let old = SchemaSnapshot(schemas: [], relations: [view(" SELECT t.id FROM t;")], types: [])
        let upgraded = SchemaSnapshot(schemas: [], relations: [view(" SELECT id FROM t;")], types: [])
        let changed = SchemaSnapshot(schemas: [], relations: [view(" SELECT id, name FROM t;")], types: [])
        #expect(SchemaDiff.changes(from: old, to: upgraded).isEmpty)
        #expect(SchemaDiff.changes(from: old, to: changed).map(\.description) == ["~ view public.v: definition changed"])
    }
}
