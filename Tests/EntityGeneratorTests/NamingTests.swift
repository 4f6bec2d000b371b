@testable import EntityGenerator
import Testing

@Suite("Words, cases and inflection")
struct NamingTests {
    @Test(arguments: [
        ("refresh_tokens", ["refresh", "tokens"]),
        ("RefreshTokens", ["Refresh", "Tokens"]),
        ("refreshTokens", ["refresh", "Tokens"]),
        ("BusinessEntityID", ["Business", "Entity", "ID"]),
        ("HTTPServer", ["HTTP", "Server"]),
        ("zip code", ["zip", "code"]),
        ("in-progress", ["in", "progress"]),
        ("payment_p2022_01", ["payment", "p2022", "01"]),
        ("__weird__name__", ["weird", "name"]),
        ("Ärger über", ["Ärger", "über"]),
        ("", []),
    ])
    func splitsNamesIntoWords(name: String, words: [String]) {
        #expect(Words.split(name) == words)
    }

    @Test func casesWordsTheSwiftWay() {
        #expect(Words.upperCamel(["refresh", "token"]) == "RefreshToken")
        #expect(Words.lowerCamel(["user", "id"]) == "userID")
        #expect(Words.lowerCamel(["ID"]) == "id")
        #expect(Words.lowerCamel(["image", "urls"]) == "imageURLs")
        #expect(Words.upperCamel(["CUSTOMER", "NAME"]) == "CustomerName")
        #expect(Words.lowerCamel(["Business", "Entity", "ID"]) == "businessEntityID")
    }

    @Test(arguments: [
        ("users", "user"), ("refresh_tokens", "refresh_token"), ("categories", "category"), ("addresses", "address"),
        ("statuses", "status"), ("status", "status"), ("people", "person"), ("boxes", "box"), ("matches", "match"),
        ("movies", "movie"), ("data", "data"), ("series", "series"), ("staff", "staff"), ("inventory", "inventory"),
        ("databases", "database"), ("responses", "response"), ("caches", "cache"), ("payment_p2022_01", "payment_p2022_01"),
        ("analyses", "analysis"), ("photos", "photo"),
    ])
    func singularizesTableNames(plural: String, singular: String) {
        let words = Words.split(plural)
        #expect(Words.lowerCamel(Inflector.singularize(words)) == Words.lowerCamel(Words.split(singular)))
    }

    @Test(arguments: [
        ("token", "tokens"), ("category", "categories"), ("address", "addresses"), ("person", "people"),
        ("box", "boxes"), ("day", "days"), ("staff", "staff"), ("status", "statuses"), ("film_actor", "film_actors"),
        ("id", "ids"),
    ])
    func pluralizesEntityNames(singular: String, plural: String) {
        #expect(Words.lowerCamel(Inflector.pluralize(Words.split(singular))) == Words.lowerCamel(Words.split(plural)))
    }

    @Test func recognisesLegalIdentifiers() {
        #expect(SwiftIdentifiers.isLegal("userID"))
        #expect(SwiftIdentifiers.isLegal("_1st"))
        #expect(SwiftIdentifiers.isLegal("ümlaut"))
        #expect(!SwiftIdentifiers.isLegal("1st"))
        #expect(!SwiftIdentifiers.isLegal("zip code"))
        #expect(!SwiftIdentifiers.isLegal("a\u{202E}b"), "bidirectional overrides must never reach an identifier")
        #expect(!SwiftIdentifiers.isLegal("_"))
        #expect(SwiftIdentifiers.escaped("class") == "`class`")
        #expect(SwiftIdentifiers.escaped("user") == "user")
    }
}

@Suite("Name allocation")
struct NameAllocatorTests {
    @Test func neitherOfTwoClaimantsWinsSilently() {
        var allocator = NameAllocator()
        // `user` and `users` both want `User`; the plain spelling of each decides.
        let names = allocator.allocate([["User", "User", "User"], ["User", "Users", "Users"]])
        #expect(names == ["User", "Users"])
    }

    @Test func orderOfMembersDoesNotChangeTheOutcome() {
        var first = NameAllocator()
        var second = NameAllocator()
        let a = ["userID", "user_id", "userIDColumn"]
        let b = ["userID", "userId", "userIDColumn"]
        #expect(first.allocate([a, b]) == ["user_id", "userId"])
        #expect(second.allocate([b, a]) == ["userId", "user_id"])
    }

    @Test func reservedNamesAreNeverGranted() {
        var allocator = NameAllocator(reserved: ["Data"], caseInsensitive: true)
        #expect(allocator.allocate([["Data", "Data", "DataTable"]]) == ["DataTable"])
    }

    @Test func caseInsensitiveAllocationKeepsFileNamesDistinct() {
        var allocator = NameAllocator(caseInsensitive: true)
        let names = allocator.allocate([["ProductModel", "ProductModel", "ProductModelTable"], ["Productmodel", "Productmodel", "ProductmodelTable"]])
        #expect(Set(names.map { $0.lowercased() }).count == 2)
    }

    @Test func identicalCandidateListsFallBackToNumbersAndTerminate() {
        var allocator = NameAllocator()
        let names = allocator.allocate([["x"], ["x"], ["x"]])
        #expect(Set(names).count == 3)
        #expect(names.allSatisfy { $0.hasPrefix("x") })
    }
}
