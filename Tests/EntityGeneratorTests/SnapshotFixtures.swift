import SchemaModel

/// Builds snapshot fragments for tests: tables, columns and types in a line each.
enum Fixture {
    /// Built-in types the fixtures use, with their array types.
    static let builtins: [TypeDefinition] = {
        let scalars: [(String, String)] = [
            ("bool", "B"), ("int2", "N"), ("int4", "N"), ("int8", "N"), ("float4", "N"), ("float8", "N"),
            ("numeric", "N"), ("text", "S"), ("varchar", "S"), ("bpchar", "S"), ("uuid", "U"), ("bytea", "U"),
            ("date", "D"), ("time", "D"), ("timetz", "D"), ("timestamp", "D"), ("timestamptz", "D"),
            ("interval", "T"), ("json", "U"), ("jsonb", "U"), ("tsvector", "U"), ("xml", "U"),
        ]
        var types: [TypeDefinition] = []
        for (name, category) in scalars {
            types.append(TypeDefinition(schema: "pg_catalog", name: name, kind: .base, category: category))
            types.append(TypeDefinition(schema: "pg_catalog", name: "_" + name, kind: .array, category: "A",
                                        element: QualifiedName(schema: "pg_catalog", name: name)))
        }
        return types
    }()

    /// `int4` → `pg_catalog.int4`; `public.mood` stays qualified.
    static func typeName(_ name: String) -> QualifiedName {
        if let dot = name.firstIndex(of: ".") {
            return QualifiedName(schema: String(name[..<dot]), name: String(name[name.index(after: dot)...]))
        }
        return QualifiedName(schema: "pg_catalog", name: name)
    }

    static func column(
        _ name: String, _ type: String, nullable: Bool = true, default expression: String? = nil,
        identity: IdentityKind? = nil, generated: String? = nil, dimensions: Int = 0, comment: String? = nil,
        origin: ColumnReference? = nil
    ) -> Column {
        Column(name: name, type: typeName(type), sqlType: type, isNullable: nullable, defaultExpression: expression,
               identity: identity, generatedExpression: generated, dimensions: dimensions, comment: comment, origin: origin)
    }

    static func table(
        _ name: String, schema: String = "public", kind: RelationKind = .table, _ columns: [Column],
        primaryKey: [String]? = nil, unique: [[String]] = [], foreignKeys: [ForeignKey] = [], comment: String? = nil
    ) -> Relation {
        Relation(
            schema: schema, name: name, kind: kind, comment: comment, columns: columns,
            primaryKey: primaryKey.map { KeyConstraint(name: "\(name)_pkey", columns: $0) },
            uniqueConstraints: unique.map { KeyConstraint(name: "\(name)_\($0.joined(separator: "_"))_key", columns: $0) },
            foreignKeys: foreignKeys)
    }

    static func foreignKey(_ name: String, _ columns: [String], references table: String, _ referenced: [String], schema: String = "public") -> ForeignKey {
        ForeignKey(name: name, columns: columns, referencedRelation: QualifiedName(schema: schema, name: table), referencedColumns: referenced)
    }

    static func enumeration(_ name: String, schema: String = "public", _ labels: [String]) -> [TypeDefinition] {
        [
            TypeDefinition(schema: schema, name: name, kind: .enumeration, category: "E", enumLabels: labels),
            TypeDefinition(schema: schema, name: "_" + name, kind: .array, category: "A", element: QualifiedName(schema: schema, name: name)),
        ]
    }

    static func snapshot(_ relations: [Relation], types: [TypeDefinition] = [], schemas: [String] = ["public"]) -> SchemaSnapshot {
        SchemaSnapshot(
            schemas: schemas.map { Namespace(name: $0) },
            relations: relations.sorted { $0.qualifiedName < $1.qualifiedName },
            types: (builtins + types).sorted { $0.qualifiedName < $1.qualifiedName })
    }
}
