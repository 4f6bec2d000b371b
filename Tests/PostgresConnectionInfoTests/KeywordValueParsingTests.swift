import PostgresConnectionInfo
import Testing

/// `keyword=value` strings, as libpq's documentation describes them.
struct KeywordValueParsingTests {
    private func parse(_ string: String) throws -> [String: String] {
        try ConnectionParameters(parsing: string).values
    }

    @Test func pairsSeparatedByWhitespace() throws {
        #expect(try parse("host=localhost port=5432 dbname=mydb connect_timeout=10")
            == ["host": "localhost", "port": "5432", "dbname": "mydb", "connect_timeout": "10"])
        #expect(try parse("  host = db\tport=\n5433  ") == ["host": "db", "port": "5433"])
        #expect(try parse("") == [:])
    }

    @Test func quotedValuesHoldSpacesAndEscapes() throws {
        // SQL-style doubled quotes are not an escape: the second quote starts a new keyword.
        #expect(throws: ConnectionInfoError.missingEquals(keyword: "'s'")) { try parse("password='it''s'") }
        #expect(try parse(#"password='it\'s a \\ secret'"#) == ["password": #"it's a \ secret"#])
        #expect(try parse("options='-c search_path=app'") == ["options": "-c search_path=app"])
        #expect(try parse("host='a'port=1") == ["host": "a", "port": "1"])
        #expect(try parse("dbname=''") == ["dbname": ""])
    }

    @Test func unquotedValuesTakeBackslashEscapes() throws {
        #expect(try parse(#"password=a\ b"#) == ["password": "a b"])
        #expect(try parse(#"password=a\'b"#) == ["password": "a'b"])
        #expect(try parse(#"password=ab\"#) == ["password": "ab"])
        #expect(try parse("dbname=") == ["dbname": ""])
        #expect(try parse("dbname=a=b") == ["dbname": "a=b"])
    }

    @Test func laterValuesReplaceEarlierOnes() throws {
        #expect(try parse("port=1 port=2") == ["port": "2"])
    }

    @Test func legacyRequiresslBecomesSslmode() throws {
        #expect(try parse("requiressl=1") == ["sslmode": "require"])
        #expect(try parse("requiressl=0") == ["sslmode": "prefer"])
    }

    @Test func syntaxErrorsNameTheKeyword() {
        #expect(throws: ConnectionInfoError.missingEquals(keyword: "mydb")) { try parse("mydb") }
        #expect(throws: ConnectionInfoError.missingEquals(keyword: "host")) { try parse("host localhost") }
        #expect(throws: ConnectionInfoError.unterminatedQuote(keyword: "password")) { try parse("password='open") }
        #expect(throws: ConnectionInfoError.unterminatedQuote(keyword: "password")) { try parse(#"password='open\'"#) }
        #expect(throws: ConnectionInfoError.unknownKeyword("hots")) { try parse("hots=localhost") }
        #expect(throws: ConnectionInfoError.unknownKeyword("")) { try parse("=x") }
    }

    @Test func errorsNeverShowAPassword() {
        let error = ConnectionInfoError.invalidValue(keyword: "password", value: "hunter2", allowed: ["x"])
        #expect(!error.description.contains("hunter2"))
        #expect(!ConnectionParameters(["password": "hunter2", "host": "h"]).description.contains("hunter2"))
    }

    @Test func descriptionRoundTrips() throws {
        let parameters = ConnectionParameters(["host": "a b", "options": #"-c x='y'"#, "dbname": ""])
        #expect(try ConnectionParameters(parsing: parameters.description) == parameters)
    }
}
