import CLibPQ
import PostgresConnectionInfo
import Testing

/// Our parser against libpq's own `PQconninfoParse`, string by string: the same keyword →
/// value pairs for every string libpq accepts, and an error for every string it rejects.
///
/// The installed libpq may be older than the keyword table (`ConnectionKeyword.sinceLibPQ`),
/// so the parser is given libpq's own keyword list here; ``keywordTableMatchesLibpq`` checks
/// the table itself.
@Suite("Differential: parsing against libpq's PQconninfoParse")
struct LibPQParseDifferentialTests {
    static let cases: [String] = KeywordValueCases.all + URICases.all

    /// The keywords the installed libpq knows, from `PQconninfoParse("")`.
    static let libpqKeywords: Set<String> = {
        var names: Set<String> = []
        guard let options = PQconninfoParse("", nil) else { return names }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            names.insert(String(cString: keyword))
            option = option.advanced(by: 1)
        }
        return names
    }()

    /// libpq's verdict: the pairs it set, or `nil` when it rejected the string.
    static func libpq(_ string: String) -> [String: String]? {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(string, &error) else {
            if let error { PQfreemem(error) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { values[String(cString: keyword)] = String(cString: value) }
            option = option.advanced(by: 1)
        }
        return values
    }

    @Test(arguments: cases)
    func sameResultAsLibpq(_ string: String) {
        let expected = Self.libpq(string)
        let actual = try? ConnectionParameters(parsing: string, knownKeywords: Self.libpqKeywords).values
        #expect(actual == expected, "libpq: \(expected.map { "\($0)" } ?? "rejected"), ours: \(actual.map { "\($0)" } ?? "rejected")")
    }

    @Test func theTableCoversBothVerdictsAndBothSyntaxes() {
        let rejected = Self.cases.filter { Self.libpq($0) == nil }
        #expect(Self.cases.count >= 150)
        #expect(Set(Self.cases).count == Self.cases.count, "duplicate cases")
        #expect(rejected.count >= 25)
        #expect(rejected.count <= Self.cases.count - 100)
    }

    @Test func keywordTableMatchesLibpq() throws {
        let version = Int(PQlibVersion()) / 10000
        let ours = Dictionary(uniqueKeysWithValues: ConnectionKeyword.all.map { ($0.name, $0) })
        guard let defaults = PQconndefaults() else {
            Issue.record("PQconndefaults failed")
            return
        }
        defer { PQconninfoFree(defaults) }
        var option = defaults
        while let keywordPointer = option.pointee.keyword {
            let keyword = String(cString: keywordPointer)
            let entry = try #require(ours[keyword], "libpq \(version) knows \(keyword), our table does not")
            #expect(entry.environmentVariable == option.pointee.envvar.map { String(cString: $0) }, "\(keyword)'s variable")
            #expect(entry.builtInDefault == option.pointee.compiled.map { String(cString: $0) }, "\(keyword)'s default")
            #expect(entry.isSecret == (String(cString: option.pointee.dispchar) == "*"), "\(keyword) secrecy")
            option = option.advanced(by: 1)
        }
        for entry in ConnectionKeyword.all where !Self.libpqKeywords.contains(entry.name) {
            #expect(entry.sinceLibPQ > version, "\(entry.name) is in our table as libpq \(entry.sinceLibPQ)+, but libpq \(version) lacks it")
        }
    }
}
