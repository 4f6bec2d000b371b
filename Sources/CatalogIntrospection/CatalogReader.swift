import Foundation
import SchemaModel

/// Reads a live catalog into a ``SchemaSnapshot`` with a fixed number of queries.
public struct CatalogReader: Sendable {
    /// Catalog queries per run, whatever the number of tables (plus one statement that opens the
    /// read-only transaction and one that closes it).
    public static let catalogQueryCount = CatalogQueries.count

    /// How long each stage of one run took, for benchmarks and `--verbose`.
    public struct Timings: Sendable {
        public var connect: Duration = .zero
        public var queries: Duration = .zero
        public var assemble: Duration = .zero
        /// Round trips to the server: the catalog queries and the two transaction statements.
        public var statements = 0
    }

    public let target: ConnectionTarget

    public init(target: ConnectionTarget) {
        self.target = target
    }

    /// Introspects `schemas` (at least one) and returns their snapshot.
    public func snapshot(schemas: [String]) throws(IntrospectionError) -> SchemaSnapshot {
        try snapshotWithTimings(schemas: schemas).snapshot
    }

    /// Introspects `schemas` and says how long connecting, querying and assembling took.
    ///
    /// With `whenColumnsRead`, the relations, columns and types are assembled on a background
    /// thread as soon as their queries answer, and handed to `whenColumnsRead` (on that thread)
    /// as a snapshot without constraints or indexes, while the server still answers the
    /// constraints and indexes queries: a caller can translate columns in that time. The
    /// returned snapshot is complete either way, and the same.
    public func snapshotWithTimings(
        schemas: [String], whenColumnsRead: (@Sendable (SchemaSnapshot) -> Void)? = nil
    ) throws(IntrospectionError) -> (snapshot: SchemaSnapshot, timings: Timings) {
        let clock = ContinuousClock()
        var timings = Timings()
        var start = clock.now
        let connection = try LibPQConnection(target)
        guard connection.serverVersion >= 120000 else {
            throw .unsupportedServer(version: connection.serverVersion)
        }
        timings.connect = clock.now - start
        start = clock.now
        var early: BackgroundTask<ColumnAssembly>?
        let results = try CatalogResults.fetch(from: connection, schemas: schemas) { firstHalf in
            guard let whenColumnsRead else { return }
            early = BackgroundTask { () throws(IntrospectionError) -> ColumnAssembly in
                let assembly = try firstHalf.assembleColumns()
                whenColumnsRead(assembly.snapshot)
                return assembly
            }
        }
        timings.queries = clock.now - start
        timings.statements = results.statements
        start = clock.now
        let assembler = SnapshotAssembler(results: results, requestedSchemas: schemas)
        let assembly: ColumnAssembly
        if let early { assembly = try early.value() } else { assembly = try assembler.assembleColumns() }
        let snapshot = try assembler.complete(assembly, constraints: results.constraints, indexes: results.indexes)
        timings.assemble = clock.now - start
        return (snapshot, timings)
    }

    /// Runs exactly the catalog queries of ``snapshot(schemas:)`` and reads every value they
    /// return as a string, doing nothing else: the floor that introspection cannot go below.
    /// Returns the number of values read.
    public func readCatalogOnly(schemas: [String]) throws(IntrospectionError) -> Int {
        let connection = try LibPQConnection(target)
        let results = try CatalogResults.fetch(from: connection, schemas: schemas)
        return results.readEveryValue()
    }
}

/// The raw results of one run of the catalog queries: libpq results, or rows recorded for tests.
/// Generic rather than existential so that reads from libpq's buffer are specialized and inlined.
struct CatalogResults<Table: CatalogTable> {
    let schemas: Table
    let relations: Table
    let columns: Table
    let constraints: Table
    let indexes: Table
    let types: Table
    let statements: Int

    init(schemas: Table, relations: Table, columns: Table, constraints: Table,
         indexes: Table, types: Table, statements: Int = CatalogQueries.count + 2) {
        self.schemas = schemas
        self.relations = relations
        self.columns = columns
        self.constraints = constraints
        self.indexes = indexes
        self.types = types
        self.statements = statements
    }

    /// Runs the catalog queries in one transaction. `afterColumns` gets an assembler of the
    /// first half's results (see ``SnapshotAssembler/assembleColumns()``) while the constraints
    /// and indexes queries are still to run: the job and the floor run the same queries, in the
    /// same order, through this one loop.
    static func fetch(
        from connection: LibPQConnection, schemas requested: [String],
        afterColumns: (SnapshotAssembler<ResultTable>) -> Void = { _ in }
    ) throws(IntrospectionError) -> CatalogResults<ResultTable> where Table == ResultTable {
        let parameter = PostgresArrayLiteral.make(requested)
        let queries = CatalogQueries.all(serverVersion: connection.serverVersion)
        try connection.executeSimple(CatalogQueries.begin)
        var tables: [ResultTable] = []
        for (position, query) in queries.enumerated() {
            if position == CatalogQueries.firstHalfCount {
                afterColumns(SnapshotAssembler(schemas: tables[0], relations: tables[1], columns: tables[3], types: tables[2],
                                               requestedSchemas: requested))
            }
            tables.append(try connection.execute(query.sql, parameters: [parameter]))
        }
        try connection.executeSimple(CatalogQueries.end)
        return CatalogResults(schemas: tables[0], relations: tables[1], columns: tables[3], constraints: tables[4],
                              indexes: tables[5], types: tables[2], statements: queries.count + 2)
    }

    func readEveryValue() -> Int {
        var count = 0
        for table in [schemas, relations, columns, constraints, indexes, types] {
            let columnCount = table.columnNames.count
            for row in 0..<table.rowCount {
                for column in 0..<columnCount {
                    if table.string(row, column) != nil { count += 1 }
                }
            }
        }
        return count
    }
}
