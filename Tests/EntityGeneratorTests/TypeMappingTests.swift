@testable import EntityGenerator
import SchemaModel
import Testing

@Suite("Type mapping")
struct TypeMappingTests {
    private func property(_ column: Column, types: [TypeDefinition] = [], options: GeneratorOptions = GeneratorOptions()) throws -> PropertyPlan {
        let snapshot = Fixture.snapshot([Fixture.table("t", [Fixture.column("id", "int4", nullable: false), column], primaryKey: ["id"])], types: types)
        let plan = try Translator(snapshot: snapshot, options: options).plan()
        return try #require(plan.entities.first?.properties.first { $0.columnName == column.name })
    }

    @Test(arguments: [
        ("bool", "Bool"), ("int2", "Int16"), ("int4", "Int32"), ("int8", "Int64"), ("float4", "Float"),
        ("float8", "Double"), ("numeric", "PGNumeric"), ("text", "String"), ("varchar", "String"), ("bpchar", "String"),
        ("bytea", "Data"), ("uuid", "UUID"), ("date", "PGDate"), ("time", "PGTime"), ("timetz", "PGTimeWithTimeZone"),
        ("timestamp", "PGLocalTimestamp"), ("timestamptz", "PGTimestamp"), ("interval", "PGInterval"),
        ("json", "PGJSON"), ("jsonb", "PGJSON"),
    ])
    func mapsBuiltins(postgres: String, swift: String) throws {
        let mapped = try property(Fixture.column("value", postgres, nullable: false))
        #expect(mapped.swiftType == swift)
        #expect(mapped.readCast == nil)
        let optional = try property(Fixture.column("value", postgres))
        #expect(optional.swiftType == swift + "?")
    }

    @Test func mapsArraysByDeclaredDimensions() throws {
        #expect(try property(Fixture.column("tags", "_text", nullable: false)).swiftType == "[String]")
        #expect(try property(Fixture.column("grid", "_int4", nullable: false, dimensions: 2)).swiftType == "[[Int32]]")
    }

    @Test func mapsEnumsAndTheirArrays() throws {
        let types = Fixture.enumeration("mood", ["happy", "sad"])
        #expect(try property(Fixture.column("mood", "public.mood", nullable: false), types: types).swiftType == "Mood")
        #expect(try property(Fixture.column("moods", "public._mood"), types: types).swiftType == "[Mood]?")
    }

    @Test func domainsKeepTheirNameAndNotNullDomainsAreNotOptional() throws {
        let domain = TypeDefinition(schema: "public", name: "year", kind: .domain, category: "N",
                                    domain: DomainDetails(baseType: Fixture.typeName("int4"), baseSQLType: "integer", isNotNull: true))
        let mapped = try property(Fixture.column("release_year", "public.year"), types: [domain])
        #expect(mapped.swiftType == "Year")
    }

    @Test func extensionTypesAreReadAsTextWithAWarning() throws {
        let ltree = TypeDefinition(schema: "public", name: "ltree", kind: .base, category: "U", hasBinaryIO: true)
        let snapshot = Fixture.snapshot([Fixture.table("t", [Fixture.column("doc", "public.ltree", nullable: false)])], types: [ltree])
        let plan = try Translator(snapshot: snapshot, options: GeneratorOptions()).plan()
        let doc = try #require(plan.entities.first?.properties.first)
        #expect(doc.swiftType == "String")
        #expect(doc.readCast == "text")
        #expect(doc.documentation.contains { $0.contains("read and written as its text form") })
        #expect(plan.diagnostics.contains { $0.severity == .warning && $0.subject == "public.t.doc" })
    }

    @Test(arguments: [
        ("point", "PGPoint"), ("inet", "PGInet"), ("cidr", "PGInet"), ("macaddr8", "PGMacAddress"), ("money", "PGMoney"),
        ("tsvector", "PGTSVector"), ("pg_lsn", "PGLSN"), ("tid", "PGTupleID"), ("regclass", "UInt32"), ("xid8", "UInt64"),
        ("char", "PGChar"), ("varbit", "PGBitString"), ("xml", "String"),
    ])
    func mapsTheOtherBuiltins(postgres: String, swift: String) throws {
        let types = [TypeDefinition(schema: "pg_catalog", name: postgres, kind: .base, category: "U")]
        #expect(try property(Fixture.column("value", postgres, nullable: false), types: types).swiftType == swift)
    }

    @Test func builtinRangesAreBinaryAndOtherRangesText() throws {
        let types = [
            TypeDefinition(schema: "pg_catalog", name: "int4range", kind: .range, category: "R", rangeElement: Fixture.typeName("int4")),
            TypeDefinition(schema: "pg_catalog", name: "tstzmultirange", kind: .multirange, category: "R", rangeElement: Fixture.typeName("tstzrange")),
            TypeDefinition(schema: "pg_catalog", name: "tstzrange", kind: .range, category: "R", rangeElement: Fixture.typeName("timestamptz")),
            TypeDefinition(schema: "public", name: "floatrange", kind: .range, category: "R", rangeElement: Fixture.typeName("float8")),
        ]
        let ints = try property(Fixture.column("ints", "int4range", nullable: false), types: types)
        #expect(ints.swiftType == "PGRange<Int32>")
        #expect(ints.readCast == nil)
        #expect(try property(Fixture.column("spans", "tstzmultirange", nullable: false), types: types).swiftType == "PGMultirange<PGTimestamp>")
        let floats = try property(Fixture.column("floats", "public.floatrange", nullable: false), types: types)
        #expect(floats.swiftType == "PGRange<Double>")
        #expect(floats.readCast == "text")
    }

    @Test func arrayElementsCanBeDeclaredOptional() throws {
        var options = GeneratorOptions()
        options.optionalArrayElements = true
        #expect(try property(Fixture.column("tags", "_text", nullable: false), options: options).swiftType == "[String?]")
    }

    @Test func typeOverridesApplyEverywhereIncludingArrays() throws {
        var options = GeneratorOptions()
        options.typeOverrides = ["timestamptz": "Date"]
        #expect(try property(Fixture.column("at", "timestamptz", nullable: false), options: options).swiftType == "Date")
        #expect(try property(Fixture.column("ats", "_timestamptz", nullable: false), options: options).swiftType == "[Date]")
    }

    @Test func columnOverridesWinOverTypeOverrides() throws {
        var options = GeneratorOptions()
        options.typeOverrides = ["jsonb": "PGJSON"]
        options.columnOverrides = ["public.t.settings": "Settings"]
        let mapped = try property(Fixture.column("settings", "jsonb", nullable: false), options: options)
        #expect(mapped.swiftType == "Settings")
        #expect(mapped.documentation.contains { $0.contains("Column override") })
    }

    @Test func overridesThatMatchNothingAreReported() throws {
        var options = GeneratorOptions()
        options.columnOverrides = ["public.t.nope": "X"]
        options.typeOverrides = ["nosuchtype": "Y"]
        let snapshot = Fixture.snapshot([Fixture.table("t", [Fixture.column("id", "int4")])])
        let plan = try Translator(snapshot: snapshot, options: options).plan()
        #expect(plan.diagnostics.map(\.subject).contains("public.t.nope"))
        #expect(plan.diagnostics.map(\.subject).contains("nosuchtype"))
    }
}
