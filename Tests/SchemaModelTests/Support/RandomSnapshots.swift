@testable import SchemaModel

/// SplitMix64: a tiny seeded generator, so a failing property case is reproduced by its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random snapshots that use every field, with text that stresses JSON: quotes, backslashes,
/// slashes, every control character, DEL, non-ASCII, characters outside the BMP (surrogate
/// pairs in `\u` escapes), combining marks and line separators.
struct RandomSnapshots {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    private static let pieces: [String] = [
        "a", "z", "id", "user_id", " ", "\"", "\\", "/", "</script>", "\u{7F}", "é", "e\u{301}", "中文", "😀", "👩‍👩‍👧",
        "\u{2028}", "\u{FEFF}", "\u{10FFFF}", "\t", "\n", "\r\n", "\u{0}", "\u{1}", "\u{8}", "\u{C}", "\u{1F}", "'", "{", "]", ":",
        "0", "-1", "1e5", "null", "true",
    ]

    mutating func text() -> String {
        let count = Int.random(in: 0...6, using: &random)
        return (0..<count).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
    }

    mutating func maybe<T>(_ make: (inout RandomSnapshots) -> T) -> T? {
        Bool.random(using: &random) ? make(&self) : nil
    }

    mutating func list<T>(_ range: ClosedRange<Int>, _ make: (inout RandomSnapshots) -> T) -> [T] {
        (0..<Int.random(in: range, using: &random)).map { _ in make(&self) }
    }

    mutating func int() -> Int {
        switch Int.random(in: 0...3, using: &random) {
        case 0: 0
        case 1: Int.random(in: -3...3, using: &random)
        case 2: Int.max
        default: Int.min
        }
    }

    mutating func qualifiedName() -> QualifiedName { QualifiedName(schema: text(), name: text()) }

    mutating func key() -> KeyConstraint {
        KeyConstraint(name: text(), columns: list(0...3) { $0.text() }, comment: maybe { $0.text() })
    }

    mutating func foreignKey() -> ForeignKey {
        ForeignKey(
            name: text(), columns: list(0...2) { $0.text() }, referencedRelation: qualifiedName(),
            referencedColumns: list(0...2) { $0.text() },
            onUpdate: [ReferentialAction.noAction, .restrict, .cascade, .setNull, .setDefault].randomElement(using: &random)!,
            onDelete: [ReferentialAction.noAction, .restrict, .cascade, .setNull, .setDefault].randomElement(using: &random)!,
            isDeferrable: Bool.random(using: &random), comment: maybe { $0.text() })
    }

    mutating func check() -> CheckConstraint { CheckConstraint(name: text(), definition: text()) }

    mutating func index() -> Index {
        Index(name: text(), columns: list(0...3) { $0.maybe { $0.text() } }, isUnique: Bool.random(using: &random),
              predicate: maybe { $0.text() }, method: text(), definition: text())
    }

    mutating func column() -> Column {
        Column(
            name: text(), type: qualifiedName(), sqlType: text(), isNullable: Bool.random(using: &random),
            defaultExpression: maybe { $0.text() }, identity: maybe { [IdentityKind.always, .byDefault].randomElement(using: &$0.random)! },
            generatedExpression: maybe { $0.text() }, dimensions: int(), comment: maybe { $0.text() },
            origin: maybe { ColumnReference(relation: $0.qualifiedName(), column: $0.text()) })
    }

    mutating func relation() -> Relation {
        Relation(
            schema: text(), name: text(), kind: RelationKind.allCases.randomElement(using: &random)!, comment: maybe { $0.text() },
            columns: list(0...4) { $0.column() }, primaryKey: maybe { $0.key() }, uniqueConstraints: list(0...2) { $0.key() },
            foreignKeys: list(0...2) { $0.foreignKey() }, checkConstraints: list(0...2) { $0.check() }, indexes: list(0...2) { $0.index() },
            partitionOf: maybe { $0.qualifiedName() }, inheritsFrom: list(0...2) { $0.qualifiedName() }, viewDefinition: maybe { $0.text() })
    }

    mutating func type() -> TypeDefinition {
        TypeDefinition(
            schema: text(), name: text(),
            kind: [TypeKind.base, .array, .enumeration, .domain, .composite, .range, .multirange, .pseudo].randomElement(using: &random)!,
            category: text(), hasBinaryIO: Bool.random(using: &random), comment: maybe { $0.text() }, element: maybe { $0.qualifiedName() },
            enumLabels: maybe { $0.list(0...3) { $0.text() } },
            domain: maybe {
                DomainDetails(baseType: $0.qualifiedName(), baseSQLType: $0.text(), isNotNull: Bool.random(using: &$0.random),
                              defaultExpression: $0.maybe { $0.text() }, dimensions: $0.int(), checks: $0.list(0...2) { $0.check() })
            },
            attributes: maybe { $0.list(0...3) { CompositeAttribute(name: $0.text(), type: $0.qualifiedName(), sqlType: $0.text()) } },
            rangeElement: maybe { $0.qualifiedName() })
    }

    mutating func snapshot() -> SchemaSnapshot {
        SchemaSnapshot(
            formatVersion: Int.random(in: 0...SchemaSnapshot.currentFormatVersion, using: &random),
            schemas: list(0...3) { Namespace(name: $0.text(), comment: $0.maybe { $0.text() }) },
            relations: list(0...4) { $0.relation() },
            types: list(0...4) { $0.type() })
    }
}
