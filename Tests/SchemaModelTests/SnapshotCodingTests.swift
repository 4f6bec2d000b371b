import Foundation
@testable import SchemaModel
import Testing

/// The snapshot's own JSON coder against Foundation's: same bytes out, same values in.
@Suite("Snapshot coding")
struct SnapshotCodingTests {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    @Test func everyModelTypeCodesLikeFoundation() throws {
        var random = RandomSnapshots(seed: 7)
        try expectSameCodingAsFoundation(QualifiedName(schema: "public", name: "users"))
        try expectSameCodingAsFoundation(Namespace(name: "public", comment: "The \"default\" schema"))
        try expectSameCodingAsFoundation(Namespace(name: "audit"))
        try expectSameCodingAsFoundation(ColumnReference(relation: QualifiedName(schema: "s", name: "t"), column: "c"))
        for kind in RelationKind.allCases { try expectSameCodingAsFoundation(kind) }
        for kind in [TypeKind.base, .array, .enumeration, .domain, .composite, .range, .multirange, .pseudo] { try expectSameCodingAsFoundation(kind) }
        for action in [ReferentialAction.noAction, .restrict, .cascade, .setNull, .setDefault] { try expectSameCodingAsFoundation(action) }
        for identity in [IdentityKind.always, .byDefault] { try expectSameCodingAsFoundation(identity) }
        for _ in 0..<20 {
            try expectSameCodingAsFoundation(random.key())
            try expectSameCodingAsFoundation(random.foreignKey())
            try expectSameCodingAsFoundation(random.check())
            try expectSameCodingAsFoundation(random.index())
            try expectSameCodingAsFoundation(random.column())
            try expectSameCodingAsFoundation(random.relation())
            try expectSameCodingAsFoundation(random.type())
        }
        try expectSameCodingAsFoundation(DomainDetails(baseType: QualifiedName(schema: "pg_catalog", name: "numeric"), baseSQLType: "numeric(12,2)",
                                                       isNotNull: true, defaultExpression: "0", dimensions: 1,
                                                       checks: [CheckConstraint(name: "positive", definition: "CHECK (VALUE >= 0)")]))
        try expectSameCodingAsFoundation(CompositeAttribute(name: "x", type: QualifiedName(schema: "pg_catalog", name: "float8"), sqlType: "double precision"))
        try expectSameCodingAsFoundation(SchemaSnapshot(schemas: [], relations: [], types: []))
    }

    /// The property: any snapshot encodes to Foundation's exact bytes, and both decoders give it back.
    @Test(arguments: 1...150 as ClosedRange<UInt64>)
    func randomSnapshotsRoundTrip(seed: UInt64) throws {
        var random = RandomSnapshots(seed: seed)
        let snapshot = random.snapshot()
        let encoded = try snapshot.encodedJSON()
        #expect(encoded == (try FoundationJSON.encode(snapshot)) + [0x0A], "seed \(seed): our bytes differ from JSONEncoder's")
        #expect(try SchemaSnapshot.decode(from: encoded) == snapshot, "seed \(seed)")
        #expect(try FoundationJSON.decode(SchemaSnapshot.self, from: encoded) == snapshot, "seed \(seed)")
    }

    /// The committed snapshots are in canonical form, and both decoders read them alike.
    @Test(arguments: ["Schema/snapshot.json", "Tests/Fixtures/round_trip.snapshot.json", "Examples/PluginConsumer/Sources/Models/schema.snapshot.json"])
    func committedSnapshotsKeepTheirBytes(path: String) throws {
        let data = try Data(contentsOf: Self.packageRoot.appendingPathComponent(path))
        let ours = try SchemaSnapshot.decode(from: data)
        #expect(ours == (try FoundationJSON.decode(SchemaSnapshot.self, from: data)))
        #expect(try ours.encodedJSON() == data, "\(path) would change")
    }

    /// Snapshots written by another tool (any key order, compact, escaped non-ASCII) read the same.
    @Test func foundationStyleVariationsDecodeTheSame() throws {
        var random = RandomSnapshots(seed: 99)
        for _ in 0..<20 {
            let snapshot = random.snapshot()
            let compact = try JSONEncoder().encode(snapshot)  // unsorted keys, no whitespace, escaped slashes
            #expect(try SchemaSnapshot.decode(from: compact) == snapshot)
        }
    }

    @Test func encodingIsDeterministic() throws {
        var random = RandomSnapshots(seed: 3)
        let snapshot = random.snapshot()
        #expect(try snapshot.encodedJSON() == snapshot.encodedJSON())
    }
}
