import Foundation
import PostgresNIO

// The fastest honest hand-written PostgresNIO code for the benchmark tables: one positional
// tuple decode per row into a struct of one's own, and typed binary binds for inserts. The
// generated code is measured against it.

struct NarrowRow {
    var id: Int64
    var externalID: UUID
    var name: String
    var code: String
    var note: String?
    var quantity: Int32
    var ratio: Double?
    var active: Bool
    var createdAt: Date
    var deletedAt: Date?

    static let columns = "id, external_id, name, code, note, quantity, ratio, active, created_at, deleted_at"

    init(id: Int64, externalID: UUID, name: String, code: String, note: String?, quantity: Int32, ratio: Double?,
         active: Bool, createdAt: Date, deletedAt: Date?) {
        self.id = id
        self.externalID = externalID
        self.name = name
        self.code = code
        self.note = note
        self.quantity = quantity
        self.ratio = ratio
        self.active = active
        self.createdAt = createdAt
        self.deletedAt = deletedAt
    }

    init(row: PostgresRow) throws {
        let (id, externalID, name, code, note, quantity, ratio, active, createdAt, deletedAt) =
            try row.decode((Int64, UUID, String, String, String?, Int32, Double?, Bool, Date, Date?).self)
        self.init(id: id, externalID: externalID, name: name, code: code, note: note, quantity: quantity, ratio: ratio,
                  active: active, createdAt: createdAt, deletedAt: deletedAt)
    }

    /// The row's values as typed binds, in `columns` order.
    func appendBindings(to bindings: inout PostgresBindings) {
        bindings.append(id)
        bindings.append(externalID)
        bindings.append(name)
        bindings.append(code)
        bindings.append(note)
        bindings.append(quantity)
        bindings.append(ratio)
        bindings.append(active)
        bindings.append(createdAt)
        bindings.append(deletedAt)
    }

    /// `INSERT … VALUES ($1, …), … RETURNING …` with typed binds, chunked under the parameter limit
    /// as the runtime chunks.
    static func insertStatements(_ rows: [NarrowRow]) -> [PostgresQuery] {
        let perStatement = 65_535 / 10
        return stride(from: 0, to: rows.count, by: perStatement).map { start in
            let chunk = rows[start..<min(rows.count, start + perStatement)]
            var sql = "INSERT INTO bench_narrow (\(columns)) VALUES "
            var bindings = PostgresBindings(capacity: chunk.count * 10)
            for (index, row) in chunk.enumerated() {
                let base = index * 10
                if index > 0 { sql += ", " }
                sql += "($\(base + 1), $\(base + 2), $\(base + 3), $\(base + 4), $\(base + 5), "
                    + "$\(base + 6), $\(base + 7), $\(base + 8), $\(base + 9), $\(base + 10))"
                row.appendBindings(to: &bindings)
            }
            sql += " RETURNING \(columns)"
            return PostgresQuery(unsafeSQL: sql, binds: bindings)
        }
    }
}

struct WideRow {
    var id: Int64
    var externalID: UUID
    var name: String
    var email: String
    var bio: String?
    var age: Int32
    var score: Double?
    var verified: Bool
    var createdAt: Date
    var updatedAt: Date?
    var small: Int16
    var big: Int64?
    var rating: Float?
    var birthday: Date?
    var avatar: Data?
    var tags: [String]?
    var loginCount: Int32
    var parentID: UUID?
    var status: String
    var lastSeen: Date?

    static let columns = """
        id, external_id, name, email, bio, age, score, verified, created_at, updated_at, small, big, rating, \
        birthday, avatar, tags, login_count, parent_id, status, last_seen
        """

    init(row: PostgresRow) throws {
        (id, externalID, name, email, bio, age, score, verified, createdAt, updatedAt,
         small, big, rating, birthday, avatar, tags, loginCount, parentID, status, lastSeen) =
            try row.decode((Int64, UUID, String, String, String?, Int32, Double?, Bool, Date, Date?,
                            Int16, Int64?, Float?, Date?, Data?, [String]?, Int32, UUID?, String, Date?).self)
    }
}

/// Find by key as a hand-written PostgresNIO prepared statement: the driver prepares it once per
/// connection and binds the key in binary, the floor a prepared find can reach.
struct FindNarrowByKey: PostgresPreparedStatement {
    static let sql = "SELECT \(NarrowRow.columns) FROM bench_narrow WHERE id = $1"
    typealias Row = NarrowRow

    var id: Int64

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(id)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> NarrowRow {
        try NarrowRow(row: row)
    }
}

/// One-row insert as a hand-written PostgresNIO prepared statement, returning the stored row.
struct InsertNarrow: PostgresPreparedStatement {
    static let sql = "INSERT INTO bench_narrow (\(NarrowRow.columns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING \(NarrowRow.columns)"
    typealias Row = NarrowRow

    var row: NarrowRow

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 10)
        row.appendBindings(to: &bindings)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> NarrowRow {
        try NarrowRow(row: row)
    }
}

/// Delete by key as a hand-written PostgresNIO prepared statement.
struct DeleteNarrowByKey: PostgresPreparedStatement {
    static let sql = "DELETE FROM bench_narrow WHERE id = $1"
    typealias Row = ()

    var id: Int64

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(id)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws {}
}
