import BenchmarkModels
import EntityKitPostgres
import Foundation
import PostgresNIO

/// What entities' `Codable` and `Hashable` cost now that EntityKit implements them once,
/// generically, through `write(to:)` and `init(row:)` (which keeps them out of every generated
/// file, for compile time): the same rows through the generic conformances and through a mirror
/// struct whose conformances the compiler synthesizes, per row.
struct ConformanceBenchmark {
    let connection: PostgresConnection
    let passes: Int

    /// `BenchWide` as the compiler would make it Codable and Hashable.
    struct SynthesizedWide: Codable, Hashable {
        typealias CodingKeys = BenchWide.Column
        var id: Int64, externalID: UUID, name: String, email: String, bio: String?, age: Int32, score: Double?
        var verified: Bool, createdAt: PGTimestamp, updatedAt: PGTimestamp?, small: Int16, big: Int64?, rating: Float?
        var birthday: PGDate?, avatar: Data?, tags: [String?]?, loginCount: Int32, parentID: UUID?, status: String
        var lastSeen: PGTimestamp?

        init(_ row: BenchWide) {
            (id, externalID, name, email, bio, age, score) = (row.id, row.externalID, row.name, row.email, row.bio, row.age, row.score)
            (verified, createdAt, updatedAt, small, big, rating) = (row.verified, row.createdAt, row.updatedAt, row.small, row.big, row.rating)
            (birthday, avatar, tags, loginCount, parentID, status) = (row.birthday, row.avatar, row.tags, row.loginCount, row.parentID, row.status)
            lastSeen = row.lastSeen
        }
    }

    func run(rows count: Int, into report: inout RuntimeReport) async throws {
        let last = Int64(count)
        let rows = try await connection.all(BenchWide.where { $0.id <= last })
        let mirrors = rows.map(SynthesizedWide.init)
        // Each row against a copy of itself: equal rows compare every column.
        let rowCopies = rows.map { $0 }
        let mirrorCopies = mirrors.map { $0 }
        let subject = "20 columns, \(RuntimeReport.grouped(rows.count)) rows"
        progress("conformances: \(subject)…")

        try await compare("==, \(subject)", rows.count,
                          generic: { for index in rows.indices { blackHole(rows[index] == rowCopies[index]) } },
                          synthesized: { for index in mirrors.indices { blackHole(mirrors[index] == mirrorCopies[index]) } }, into: &report)
        try await compare("hashValue, \(subject)", rows.count,
                          generic: { for row in rows { blackHole(row.hashValue) } },
                          synthesized: { for mirror in mirrors { blackHole(mirror.hashValue) } }, into: &report)
        try await compare("JSONEncoder, \(subject)", rows.count,
                          generic: { blackHole(try JSONEncoder().encode(rows)) },
                          synthesized: { blackHole(try JSONEncoder().encode(mirrors)) }, into: &report)
        let json = try JSONEncoder().encode(mirrors)
        try await compare("JSONDecoder, \(subject)", rows.count,
                          generic: { blackHole(try JSONDecoder().decode([BenchWide].self, from: json)) },
                          synthesized: { blackHole(try JSONDecoder().decode([SynthesizedWide].self, from: json)) }, into: &report)
    }

    private func compare(
        _ subject: String, _ units: Int, generic: @escaping () throws -> Void, synthesized: @escaping () throws -> Void,
        into report: inout RuntimeReport
    ) async throws {
        let figures = try await Measure.compare([(RuntimeReport.synthesized, synthesized), (RuntimeReport.genericConformance, generic)],
                                                units: units, passes: passes)
        report.add(section: .conformances, subject: subject, figures: figures)
    }
}
