@testable import EntityGenerator
import TestSupport
import Testing

/// The name fuzzer's generator itself, without a server: seeds replay, and the DDL holds what the
/// issue asks the fuzzer to cover.
@Suite("Name fuzzer generator")
struct NameFuzzerGeneratorTests {
    @Test func theSameSeedGivesTheSameDDL() {
        for seed: UInt64 in [0, 1, 42, NameFuzzerRun.ciSeed, .max] {
            #expect(SchemaFuzzer.schema(seed: seed) == SchemaFuzzer.schema(seed: seed), "seed \(seed)")
        }
    }

    @Test func differentSeedsGiveDifferentDDL() {
        let schemas = Set((0..<20).map { SchemaFuzzer.schema(seed: NameFuzzerRun.ciSeed &+ $0).sql })
        #expect(schemas.count == 20)
    }

    @Test func theGeneratorIsPinnedToItsAlgorithm() {
        // SplitMix64's published first outputs for seed 0: a seed printed today replays tomorrow.
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func thePoolsHoldTheIssuesNames() {
        let all = Set(HostileNames.all)
        for name in HostileNames.issueNames + ["class", "willSet", "_", "__", "sending", "Protocol", "UUID", "Decimal", "名前", "1st", "a__b"] {
            #expect(all.contains(name), "\(name)")
        }
        for known in KnownType.allCases.map(\.spelling) + Array(ReservedNames.typeNames) + Array(ReservedNames.memberNames) {
            #expect(all.contains(known), "\(known)")
        }
    }

    /// The CI run, across its seeds, makes every kind of object the issue lists.
    @Test func theCISeedsCoverEveryKindOfObject() {
        let sql = (0..<UInt64(NameFuzzerRun.ciCount)).map { SchemaFuzzer.schema(seed: NameFuzzerRun.ciSeed &+ $0).sql }.joined()
        for feature in ["CREATE SCHEMA", "AS ENUM", "CREATE DOMAIN", "CREATE TYPE", "CREATE VIEW", "FOREIGN KEY", "PRIMARY KEY",
                        "UNIQUE", "AS IDENTITY", "[]", "COMMENT ON", "DEFAULT", "''", "\"\"", "\u{1F680}"] {
            #expect(sql.contains(feature), "no \(feature) in the CI seeds' DDL")
        }
        let names = sql.split(separator: "\"").map(String.init)
        #expect(names.contains { $0.utf8.count == 63 }, "no 63-byte name")
        #expect(names.contains { $0.utf8.count > 63 }, "no name over the limit")
    }

    @Test func storedNamesAreCutBetweenCharacters() {
        let name = HostileNames.long("é", bytes: 80)
        let stored = PostgresSpelling.stored(name)
        #expect(stored.utf8.count == 62)
        #expect(stored.unicodeScalars.allSatisfy { $0 == "é" })
        #expect(PostgresSpelling.stored(String(repeating: "a", count: 70)).utf8.count == 63)
    }

    @Test func identifiersAndLiteralsAreEscaped() {
        #expect(PostgresSpelling.identifier("a\"b") == "\"a\"\"b\"")
        #expect(PostgresSpelling.literal("it's") == "'it''s'")
    }
}
