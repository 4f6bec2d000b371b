import EntityKitPostgres
import Foundation
import GeneratedModels
import LiveTestSupport
import Logging
import Testing
import TestSupport

extension FaultSuites {
    /// Findings 5 (a crash from a page number) and 8 (`.pgpass` warnings, `like` patterns, `$n`
    /// and NUL in SQL text): no input traps, and nothing reaches the server that means something
    /// else than what was written.
    @Suite("Faults: no input traps", .enabled(if: TestEnvironment.runsLiveTests, Faults.skipReason))
    final class InputSafetyTests: Sendable {
        let database: TestDatabase
        static let extremes = [Int.min, -1, 0, Int.max]

        init() throws {
            database = try TestDatabase.create("fault_input")
            try database.loadReferenceSchema()
        }

        deinit {
            database.drop()
        }

        @Test func everyIntegerACallerPassesIsAnErrorOrAnAnswerNeverATrap() async throws {
            try await withDatabase(database.url) { db async throws in
                for index in 0..<25 { try await db.insert(User.Draft(username: "page-\(index)", email: "page-\(index)@example.com")) }
                let ordered = User.all().order { $0.username.ascending }
                for perPage in Self.extremes {
                    if perPage < 1 {
                        #expect(throws: PaginationError.perPageBelowOne(perPage)) { try db.paginate(ordered, perPage: perPage) }
                        continue
                    }
                    let pages = try db.paginate(ordered, perPage: perPage)
                    #expect(try await pages.pageCount() == (perPage == Int.max ? 1 : 0))
                    for number in Self.extremes + [Int.max / 10, Int.max / perPage, Int.max / perPage + 2] {
                        do {
                            let page = try await pages.page(number)
                            #expect(page.number == number)
                            #expect(page.pageCount >= 0)
                            _ = page.hasNext
                        } catch let error as PaginationError {
                            #expect(number < 1 || error == .pageOutOfRange(number, perPage: perPage), "\(error)")
                        }
                    }
                }
                let page = try await db.paginate(ordered, perPage: 10).page(Int.max / 10)
                #expect(page.items.isEmpty && page.total == 25 && page.pageCount == 3)

                for value in Self.extremes {
                    for query in [ordered.limit(value), ordered.offset(value)] {
                        do {
                            _ = try await db.all(query)
                            _ = try await db.count(query)
                            #expect(value >= 0)
                        } catch let rejection as SQLRejection {
                            #expect(value < 0, "\(rejection)")
                        }
                    }
                    do {
                        _ = try await db.page(User.all().keyset { $0.username }, after: nil, limit: value)
                        #expect(value >= 1)
                    } catch let rejection as SQLRejection {
                        #expect(value < 1, "\(rejection)")
                    }
                }
            }
            for value in Self.extremes {
                let size = DatabaseClient.Options(maximumConnections: value)
                #expect((try? size.validate()) != nil || value < 1 || value == Int.max)
                if value <= 0 {
                    #expect(throws: EntityKitPostgresError.self) { try size.validate() }
                }
                let seconds = Deadlines(connect: .seconds(value), acquire: .seconds(value), statement: .seconds(value), cancelGrace: .seconds(value))
                #expect(throws: EntityKitPostgresError.self) { try DatabaseClient(connectionString: database.url, options: .init(deadlines: seconds)) }
                #expect(TransactionOptions(attempts: value).attempts >= 1)
            }
        }

        @Test func likeHelpersMatchTextLiterally() async throws {
            try await withDatabase(database.url) { db async throws in
                for name in ["50%_off", "500 off", "50x_off", "back\\slash", "under_score", "underXscore"] {
                    try await db.insert(User.Draft(username: name, email: "\(UUID())@example.com"))
                }
                #expect(try await db.all(User.where { $0.username.contains("50%_") }).map(\.username) == ["50%_off"])
                #expect(try await db.all(User.where { $0.username.hasPrefix("under_") }).map(\.username) == ["under_score"])
                #expect(try await db.all(User.where { $0.username.hasSuffix("\\slash") }).map(\.username) == ["back\\slash"])
                #expect(try await db.all(User.where { $0.username.contains("UNDER_", caseInsensitive: true) }).map(\.username) == ["under_score"])
                // `like` takes a pattern, as documented: `_` matches any character.
                #expect(try await db.count(User.where { $0.username.like("under_score") }) == 2)
            }
        }

        @Test func placeholdersAndNULBytesInSQLTextAreRefusedBeforeSending() async throws {
            try await withDatabase(database.url) { db async throws in
                let name = "x"
                await #expect(throws: SQLRejection.placeholderInText("$1")) {
                    try await db.query("SELECT username FROM users WHERE username = $1 OR email = \(name)", as: String.self)
                }
                await #expect(throws: SQLRejection.nulInText) { try await db.execute("SELECT 1\u{0}") }
                await #expect(throws: SQLRejection.nulInText) { _ = try await db.rows(SQLStatement(sql: "SELECT 1\u{0}")) }
                await #expect(throws: SQLRejection.valueInsideQuotes) {
                    try await db.query("SELECT username FROM users WHERE username LIKE '%\(name)%'", as: String.self)
                }
                // A NUL in a bound value reaches the server as a value, which refuses it cleanly.
                await #expect(throws: DatabaseError.self) { try await db.query("SELECT \("a\u{0}b")::text", as: String.self) }
                // Dollar signs where SQL allows them pass.
                let rows = try await db.query("SELECT $tag$costs $1$tag$ || \(name) AS a$1", as: String.self)
                #expect(rows == ["costs $1x"])
                // The connection is fine afterwards.
                #expect(try await db.count(User.all()) >= 0)
            }
        }

        @Test func connectionWarningsGoToTheClientsLogger() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("pgpass")
            try "*:*:*:*:secret\n".write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
            let recorder = LogRecorder()
            let logger = Logger(label: "test") { _ in recorder }
            let environment = ConnectionEnvironment(variables: ["PGPASSFILE": file.path])
            _ = try DatabaseClient(connectionString: "host=127.0.0.1 user=app dbname=app keepalives_idle=30", environment: environment, logger: logger)
            let warnings = recorder.messages.filter { $0.level == .warning }.map(\.text)
            #expect(warnings.contains { $0.contains("chmod 0600") }, "\(warnings)")
            #expect(warnings.contains { $0.contains("keepalives_idle is ignored") }, "\(warnings)")
            #expect(!warnings.contains { $0.contains("secret") })
            #expect(warnings.count == 2)
        }
    }
}

/// Records log messages.
final class LogRecorder: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [(level: Logger.Level, text: String)] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var messages: [(level: Logger.Level, text: String)] { lock.withLock { recorded } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { recorded.append((event.level, "\(event.message)")) }
    }
}
