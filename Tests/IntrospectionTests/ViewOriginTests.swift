@testable import CatalogIntrospection
import Foundation
import SchemaModel
import Testing
import LiveTestSupport
import TestSupport

@Suite("Query trees")
struct QueryTreeTests {
    @Test func parsesNodesListsAndEscapedAtoms() throws {
        let tree = try #require(QueryTree.parse(
            #"({QUERY :targetList ({TARGETENTRY :resno 1 :resname zip\ code :expr {VAR :varno 1}}) :constvalue 4 [ 0 0 0 0 ] :other <>})"#))
        let query = try #require(tree.elements.first)
        #expect(query.nodeName == "QUERY")
        let entry = try #require(query.field("targetList")?.elements.first)
        #expect(entry.field("resname") == .atom("zip code"))
        #expect(query.field("other") == .null)
    }

    @Test func rejectsMalformedTrees() {
        #expect(QueryTree.parse("({QUERY :a (1 2)") == nil)
    }

    /// PostgreSQL 18 points a GROUP BY query's grouped columns at a group entry (rtekind 9)
    /// instead of at the table; the origin is the grouped expression's.
    @Test func followsTheGroupEntryOfPostgres18() {
        let tree = """
            ({QUERY :commandType 1 :hasGroupRTE true :rtable ({RANGETBLENTRY :rtekind 0 :relid 16389 :inh true} \
            {RANGETBLENTRY :rtekind 9 :groupexprs ({VAR :varno 1 :varattno 1 :varnullingrels (b) :varlevelsup 0 :varreturningtype 0} \
            {VAR :varno 1 :varattno 2 :varnullingrels (b) :varlevelsup 0 :varreturningtype 0})}) \
            :jointree {FROMEXPR :fromlist ({RANGETBLREF :rtindex 1}) :quals <>} \
            :targetList ({TARGETENTRY :expr {VAR :varno 2 :varattno 2 :varlevelsup 0} :resno 1 :resname name :resjunk false} \
            {TARGETENTRY :expr {AGGREF :aggfnoid 2147} :resno 2 :resname n :resjunk false}) :groupingSets <> :setOperations <>})
            """
        #expect(ViewColumnOrigins.origins(inQueryTree: tree) == [1: .init(relationOID: 16389, attributeNumber: 2)])
    }
}

@Suite("View column nullability", .serialized, .enabled(if: TestEnvironment.runsLiveTests, Comment(rawValue: TestEnvironment.liveTestsSkipReason)))
final class ViewOriginTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase.create("views")
        try database.execute("""
            CREATE TABLE parents (id int PRIMARY KEY, name text NOT NULL, note text);
            CREATE TABLE children (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES parents, label text NOT NULL);
            CREATE VIEW inner_join AS SELECT c.id, c.label, p.name, p.note, upper(p.name) AS shout FROM children c JOIN parents p ON p.id = c.parent_id;
            CREATE VIEW left_join AS SELECT p.id, p.name, c.label FROM parents p LEFT JOIN children c ON c.parent_id = p.id;
            CREATE VIEW right_join AS SELECT p.name, c.label FROM parents p RIGHT JOIN children c ON c.parent_id = p.id;
            CREATE VIEW full_join AS SELECT p.name, c.label FROM parents p FULL JOIN children c ON c.parent_id = p.id;
            CREATE VIEW unioned AS SELECT name FROM parents UNION SELECT label FROM children;
            CREATE VIEW grouped AS SELECT name, count(*) AS n FROM parents GROUP BY ROLLUP (name);
            CREATE VIEW grouped_plain AS SELECT p.id, p.name, count(c.id) AS n FROM parents p LEFT JOIN children c ON c.parent_id = p.id GROUP BY p.id, p.name;
            CREATE VIEW view_of_view AS SELECT id, name FROM inner_join;
            CREATE MATERIALIZED VIEW materialized AS SELECT id, name, note FROM parents;
            """)
    }

    deinit {
        database.drop()
    }

    private func origins() throws -> [String: [String: String]] {
        let target = try ConnectionTarget(connectionString: database.url, source: .argument)
        let snapshot = try CatalogReader(target: target).snapshot(schemas: ["public"])
        var result: [String: [String: String]] = [:]
        for relation in snapshot.relations where relation.kind == .view || relation.kind == .materializedView {
            for column in relation.columns {
                result[relation.name, default: [:]][column.name] = column.origin.map { "\($0.relation.name).\($0.column)" } ?? "-"
            }
        }
        return result
    }

    @Test func tracesPlainReferencesThroughInnerJoins() throws {
        let views = try origins()
        #expect(views["inner_join"] == ["id": "children.id", "label": "children.label", "name": "parents.name", "note": "parents.note", "shout": "-"])
        #expect(views["view_of_view"] == ["id": "inner_join.id", "name": "inner_join.name"])
        #expect(views["materialized"] == ["id": "parents.id", "name": "parents.name", "note": "parents.note"])
        #expect(views["grouped_plain"] == ["id": "parents.id", "name": "parents.name", "n": "-"])
    }

    @Test func neverTracesTheNullableSideOfOuterJoinsSetOperationsOrGroupingSets() throws {
        let views = try origins()
        #expect(views["left_join"] == ["id": "parents.id", "name": "parents.name", "label": "-"])
        #expect(views["right_join"] == ["name": "-", "label": "children.label"])
        #expect(views["full_join"] == ["name": "-", "label": "-"])
        #expect(views["unioned"] == ["name": "-"])
        #expect(views["grouped"] == ["name": "-", "n": "-"])
    }
}
