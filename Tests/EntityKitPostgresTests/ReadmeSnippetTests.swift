import Foundation
import Testing
import TestSupport

/// Every Swift snippet of the README's "Use the models" section compiles against the
/// reference schema's generated models.
@Suite("README snippets")
struct ReadmeSnippetTests {
    static func snippets() throws -> [String] {
        let readme = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "<!-- use-the-models:start -->"),
              let end = readme.range(of: "<!-- use-the-models:end -->") else { return [] }
        let section = readme[start.upperBound..<end.lowerBound]
        var snippets: [String] = []
        var current: [Substring]?
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```swift" {
                current = []
            } else if current != nil, line == "```" {
                snippets.append(current!.joined(separator: "\n"))
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return snippets
    }

    @Test func everySnippetOfUseTheModelsCompiles() throws {
        let snippets = try Self.snippets()
        #expect(snippets.count == 14, "one Swift snippet per seed pattern, found \(snippets.count)")
        var source = """
            import EntityKitPostgres
            import Foundation
            import GeneratedModels

            """
        for (index, snippet) in snippets.enumerated() {
            source += """

                func snippet\(index + 1)(db: DatabaseClient, userID: UUID, thirtyDaysAgo: PGTimestamp, itemsPerPage: Int,
                                         tokenHash: String, expiresAt: PGTimestamp) async throws {
                \(snippet)
                }

                """
        }
        let result = try Typecheck.snippet(source)
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("error:"), "\(result.output)")
    }

    @Test func theScalingOutSnippetCompiles() throws {
        let readme = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- scaling-out:start -->\n```swift\n"))
        let end = try #require(readme.range(of: "```\n<!-- scaling-out:end -->"))
        let source = """
            import EntityKitPostgres
            import Foundation
            import GeneratedModels

            func scalingOut(id: UUID, since: PGTimestamp) async throws {
            \(readme[start.upperBound..<end.lowerBound])
                _ = (user, recent)
            }

            """
        let result = try Typecheck.snippet(source)
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("error:"), "\(result.output)")
    }

    @Test func theHandlingErrorsSnippetCompiles() throws {
        let readme = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- handling-errors:start -->\n```swift\n"))
        let end = try #require(readme.range(of: "```\n<!-- handling-errors:end -->"))
        let source = """
            import EntityKitPostgres
            import Foundation
            import GeneratedModels

            \(readme[start.upperBound..<end.lowerBound])
            """
        let result = try Typecheck.snippet(source)
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("error:"), "\(result.output)")
    }
}
