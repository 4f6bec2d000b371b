import Foundation
@testable import SchemaModel
import Testing

/// The hand-written column decoding: it knows every field, and where it declines, the generic
/// path gives the same value or error.
@Suite("Snapshot fast decoding")
struct SnapshotFastDecodingTests {
    /// Fails when a stored property is added to one of these types: add it to
    /// `SnapshotFastDecoding` (until then the fast path is off, so decoding stays correct).
    @Test func theFastPathKnowsEveryStoredProperty() {
        let name = QualifiedName(schema: "s", name: "n")
        #expect(SnapshotFastDecoding.propertyNames(Column(name: "", type: name, sqlType: "", isNullable: true)) == SnapshotFastDecoding.columnProperties)
        #expect(SnapshotFastDecoding.propertyNames(name) == SnapshotFastDecoding.qualifiedNameProperties)
        #expect(SnapshotFastDecoding.propertyNames(ColumnReference(relation: name, column: "")) == SnapshotFastDecoding.columnReferenceProperties)
        #expect(SnapshotFastDecoding.isEnabled)
        #expect(SnapshotFastDecoding.propertyNames(KeyConstraint(name: "", columns: [])) == SnapshotFastDecoding.keyConstraintProperties)
        #expect(SnapshotFastDecoding.propertyNames(ForeignKey(name: "", columns: [], referencedRelation: name, referencedColumns: []))
            == SnapshotFastDecoding.foreignKeyProperties)
        #expect(SnapshotFastDecoding.constraintsEnabled)
    }

    @Test func keysAndForeignKeysAreReadDirectly() throws {
        var random = RandomSnapshots(seed: 17)
        for _ in 0..<50 {
            let key = random.key(), foreignKey = random.foreignKey()
            try JSONTape.parse(try FoundationJSON.encode(key)) { tape in #expect(SnapshotFastDecoding.keyConstraint(tape, 0) == key) }
            try JSONTape.parse(try FoundationJSON.encode(foreignKey)) { tape in #expect(SnapshotFastDecoding.foreignKey(tape, 0) == foreignKey) }
        }
        let unknownAction = Data(
            (#"{"name": "f", "columns": [], "referencedRelation": {"schema": "s", "name": "t"}, "referencedColumns": [], "#
                + #""onUpdate": "explode", "onDelete": "cascade", "isDeferrable": false}"#).utf8)
        try JSONTape.parse(unknownAction) { tape in #expect(SnapshotFastDecoding.foreignKey(tape, 0) == nil) }
        #expect(throws: DecodingError.self) { try JSONCoding.decode(ForeignKey.self, from: unknownAction) }
        let numberInColumns = Data(#"{"name": "k", "columns": ["a", 1]}"#.utf8)
        try JSONTape.parse(numberInColumns) { tape in #expect(SnapshotFastDecoding.keyConstraint(tape, 0) == nil) }
    }

    /// What the fast path reads directly.
    @Test func acceptsWhatSnapshotsHold() throws {
        var random = RandomSnapshots(seed: 5)
        for _ in 0..<50 {
            let column = random.column()
            let json = try FoundationJSON.encode(column)
            try JSONTape.parse(json) { tape in
                #expect(SnapshotFastDecoding.column(tape, 0) == column)
            }
        }
    }

    static let declined: [String] = [
        #"{"name": "a", "type": {"schema": "s", "name": "t"}, "sqlType": "text", "isNullable": true, "dimensions": 0, "addedLater": 1}"#,
        #"{"name": "a", "type": {"schema": "s", "name": "t"}, "sqlType": "text", "isNullable": true}"#,
        #"{"n\u0061me": "a", "type": {"schema": "s", "name": "t"}, "sqlType": "text", "isNullable": true, "dimensions": 0}"#,
        #"{"name": "a", "name": "b", "type": {"schema": "s", "name": "t"}, "sqlType": "text", "isNullable": true, "dimensions": 0}"#,
        #"{"name": "a", "type": {"schema": "s", "name": "t"}, "sqlType": "text", "isNullable": "yes", "dimensions": 0}"#,
        #"{"name": "a", "type": {"schema": "s", "name": "t"}, "sqlType": "text", "isNullable": true, "dimensions": 1.0}"#,
        #"{"name": "a", "type": {"schema": "s", "name": "t"}, "sqlType": "text", "isNullable": true, "dimensions": 0, "identity": "sometimes"}"#,
        #"{"name": "a", "type": {"schema": "s"}, "sqlType": "text", "isNullable": true, "dimensions": 0}"#,
        #"{"name": null, "type": {"schema": "s", "name": "t"}, "sqlType": "text", "isNullable": true, "dimensions": 0}"#,
        #"{"name": "a", "type": {"schema": "s", "name": "t"}, "sqlType": "text", "isNullable": true, "dimensions": 0, "origin": {"column": "c"}}"#,
    ]

    /// Anything unexpected goes to the synthesized conformance, which decides as JSONDecoder does.
    @Test(arguments: declined)
    func declinesAndTheGenericPathDecides(json: String) throws {
        let data = Data(json.utf8)
        try JSONTape.parse(data) { tape in #expect(SnapshotFastDecoding.column(tape, 0) == nil) }
        let ours = Result { try JSONCoding.decode([Column].self, from: Data("[\(json)]".utf8)) }
        let foundation = Result { try FoundationJSON.decode([Column].self, from: Data("[\(json)]".utf8)) }
        switch (ours, foundation) {
        case let (.success(mine), .success(theirs)): #expect(mine == theirs)
        case (.failure, .failure): break
        default: Issue.record("ours: \(ours), Foundation: \(foundation)")
        }
    }

    @Test func explicitNullsAreAbsentOptionals() throws {
        let json = #"{"name": "a", "type": {"schema": "s", "name": "t"}, "sqlType": "text", "isNullable": true, "#
            + #""dimensions": 0, "comment": null, "origin": null}"#
        try JSONTape.parse(Data(json.utf8)) { tape in
            #expect(SnapshotFastDecoding.column(tape, 0) == Column(name: "a", type: QualifiedName(schema: "s", name: "t"), sqlType: "text", isNullable: true))
        }
    }
}
