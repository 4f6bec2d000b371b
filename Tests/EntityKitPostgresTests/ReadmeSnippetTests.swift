import Foundation
import Testing
import TestSupport

/// Every Swift snippet of the README's "Use the models" section compiles against the
/// reference schema's generated models.
@Suite("README snippets",
       .enabled(if: TestEnvironment.runsProcessTests, "fast lane: type-checks with swiftc; run scripts/test or TEST_LANE=full swift test"))
struct ReadmeSnippetTests {
    static func snippets() throws -> [String] {
        let readme = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "<!-- use-the-models:start -->"),
              let end = readme.range(of: "<!-- use-the-models:end -->") else { return [] }
        return MarkdownCode.blocks(in: readme[start.upperBound..<end.lowerBound])
    }

    @Test func everySnippetOfUseTheModelsCompiles() throws {
        let snippets = try Self.snippets()
        #expect(snippets.count == 14, "one Swift snippet per seed pattern, found \(snippets.count)")
        var source = ""
        for (index, snippet) in snippets.enumerated() {
            source += """

                func snippet\(index + 1)(db: DatabaseClient, userID: UUID, thirtyDaysAgo: PGTimestamp, itemsPerPage: Int,
                                         tokenHash: String, expiresAt: PGTimestamp) async throws {
                \(snippet)
                }

                """
        }
        try Self.expectCompiles(source)
    }

    /// The same snippets where a service puts them: in a closure handed to the app's own helper
    /// (a request handler, a retry wrapper) and in an actor's method. Swift 6 checks what
    /// crosses into and out of those, which top-level code does not show.
    @Test func everySnippetOfUseTheModelsCompilesInAClosureAndInAnActor() throws {
        let snippets = try Self.snippets()
        var source = """
            func withRetry<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T { try await body() }
            func handle(_ body: @escaping @Sendable () async throws -> Void) {}

            """
        for (index, snippet) in snippets.enumerated() {
            source += """

                func closure\(index + 1)(db: DatabaseClient, userID: UUID, thirtyDaysAgo: PGTimestamp, itemsPerPage: Int,
                                         tokenHash: String, expiresAt: PGTimestamp) async throws {
                    try await withRetry {
                \(snippet)
                    }
                    handle {
                \(snippet)
                    }
                }

                actor Service\(index + 1) {
                    let db: DatabaseClient
                    init(db: DatabaseClient) { self.db = db }
                    func run(userID: UUID, thirtyDaysAgo: PGTimestamp, itemsPerPage: Int, tokenHash: String, expiresAt: PGTimestamp) async throws {
                \(snippet)
                    }
                }

                """
        }
        try Self.expectCompiles(source)
    }

    @Test func theScalingOutSnippetCompiles() throws {
        let snippet = try Self.snippet(between: "scaling-out")
        try Self.expectCompiles("""
            func scalingOut(id: UUID, since: PGTimestamp) async throws {
            \(snippet)
                _ = (user, recent)
            }
            """)
    }

    @Test func theObservabilitySnippetCompiles() throws {
        let snippet = try Self.snippet(between: "observability")
        try Self.expectCompiles("""
            func observability(url: String, logger: Logger, requestLogger: Logger, id: UUID) async throws {
            \(snippet)
                _ = user
            }
            """)
    }

    @Test func theHandlingErrorsSnippetCompiles() throws {
        try Self.expectCompiles(String(try Self.snippet(between: "handling-errors")))
    }

    /// The Swift block between the README's `<!-- name:start -->` and `<!-- name:end -->`.
    static func snippet(between name: String) throws -> Substring {
        let readme = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- \(name):start -->\n```swift\n"))
        let end = try #require(readme.range(of: "```\n<!-- \(name):end -->"))
        return readme[start.upperBound..<end.lowerBound]
    }

    /// Type-checks `code` against the runtime and the reference schema's models.
    static func expectCompiles(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try Typecheck.snippet("""
            import EntityKitPostgres
            import Foundation
            import GeneratedModels

            \(code)
            """)
        #expect(result.status == 0, "\(result.output)", sourceLocation: sourceLocation)
        #expect(!result.output.contains("error:"), "\(result.output)", sourceLocation: sourceLocation)
    }
}
