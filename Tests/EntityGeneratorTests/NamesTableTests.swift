@_spi(Generated) import EntityKit
@testable import EntityGenerator
import Foundation
import SchemaModel
import Testing

/// The names table and the renderer's enum spellings agree with what EntityKit declares.
@Suite("Names table")
struct NamesTableTests {
    /// Every top-level public type of EntityKit, read from its sources.
    static func entityKitPublicTypes() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/EntityKit")
        guard let files = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var names = Set<String>()
        let declaration = /^public (?:indirect )?(?:struct|enum|protocol|typealias|final class|class) ([A-Za-z0-9_]+)/
        for case let path as String in files where path.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            for line in text.split(separator: "\n") {
                if let match = line.firstMatch(of: declaration) { names.insert(String(match.1)) }
            }
        }
        return names
    }

    @Test func everyEntityKitTypeIsInTheNamesTable() throws {
        let declared = try Self.entityKitPublicTypes()
        #expect(declared.count > 40, "the EntityKit sources were not found")
        let listed = Set(KnownType.allCases.filter { $0.module == .entityKit }.map(\.spelling))
        #expect(declared.subtracting(listed).isEmpty, "missing from KnownType: \(declared.subtracting(listed).sorted())")
        #expect(listed.subtracting(declared).isEmpty, "not declared by EntityKit: \(listed.subtracting(declared).sorted())")
    }

    /// An app imports its models and EntityKitPostgres together: every top-level name the
    /// runtime declares or re-exports is reserved, so no model makes one ambiguous.
    @Test func everyTopLevelNameOfTheQueryRuntimeIsReserved() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/EntityKitPostgres")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path))
        var declared = Set<String>()
        for case let path as String in files where path.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: /(?m)^public (?:final )?(?:struct|enum|class|protocol|actor|typealias) ([A-Za-z0-9_]+)/) {
                declared.insert(String(match.1))
            }
            for match in text.matches(of: /@_exported import (?:class|struct|enum|protocol) [A-Za-z0-9_]+\.([A-Za-z0-9_]+)/) {
                declared.insert(String(match.1))
            }
        }
        #expect(declared.count > 30, "the EntityKitPostgres sources were not found")
        #expect(declared.subtracting(ReservedNames.runtimeTypes).isEmpty, "not reserved: \(declared.subtracting(ReservedNames.runtimeTypes).sorted())")
        #expect(ReservedNames.runtimeTypes.subtracting(declared).isEmpty, "not declared: \(ReservedNames.runtimeTypes.subtracting(declared).sorted())")
        let snapshot = Fixture.snapshot(["transactions", "page", "loggers", "database_clients"].map { name in
            Fixture.table(name, [Fixture.column("id", "int4", nullable: false)], primaryKey: ["id"])
        })
        let names = try Translator(snapshot: snapshot, options: GeneratorOptions()).plan().entities.map(\.typeName)
        #expect(names.allSatisfy { !ReservedNames.runtimeTypes.contains($0) }, "\(names)")
    }

    /// Inside a conforming type an associated type's name means the witness, so no generated
    /// type may take it.
    @Test func everyEntityKitAssociatedTypeIsReserved() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Sources/EntityKit")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path))
        var declared = Set<String>()
        for case let path as String in files where path.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: /associatedtype ([A-Za-z0-9_]+)/) { declared.insert(String(match.1)) }
        }
        #expect(declared.count >= 5, "the EntityKit sources were not found")
        let unreserved = declared.subtracting(ReservedNames.associatedTypes).subtracting(ReservedNames.nestedTypes)
        #expect(unreserved.isEmpty, "associated types not reserved: \(unreserved.sorted())")
        #expect(ReservedNames.typeNames.isSuperset(of: ReservedNames.associatedTypes))
    }

    @Test func everyKnownTypeIsReservedForGeneratedTypes() {
        for known in KnownType.allCases {
            #expect(ReservedNames.typeNames.contains(known.spelling))
        }
        for nested in ["Column", "CodingKeys", "PrimaryKey", "Relations"] {
            #expect(ReservedNames.typeNames.contains(nested))
        }
    }

    @Test func kindsGenerationsAndActionsAreSpelledAsEntityKitDeclaresThem() {
        for kind in EntityPlan.Kind.allCases {
            #expect(EntityKind(rawValue: Spelling.kind(kind)) != nil, "EntityKind has no case \(Spelling.kind(kind))")
        }
        for generation in PropertyPlan.Generation.allCases {
            #expect(ColumnGeneration(rawValue: Spelling.generation(generation)) != nil)
        }
        let runtimeActions = ["NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"]
            .compactMap(EntityKit.ReferentialAction.init(rawValue:)).map { String(describing: $0) }
        let planActions: [SchemaModel.ReferentialAction] = [.noAction, .restrict, .cascade, .setNull, .setDefault]
        #expect(Set(planActions.map(Spelling.action)) == Set(runtimeActions))
    }
}
