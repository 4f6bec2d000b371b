import PostgresConnectionInfo
import Testing

/// `postgres://` URIs, with libpq's rules rather than RFC 3986's.
struct URIParsingTests {
    private func parse(_ string: String) throws -> [String: String] {
        try ConnectionParameters(parsing: string).values
    }

    @Test func everyPart() throws {
        #expect(try parse("postgresql://user:secret@localhost:5433/mydb?connect_timeout=10&application_name=myapp") == [
            "user": "user", "password": "secret", "host": "localhost", "port": "5433", "dbname": "mydb",
            "connect_timeout": "10", "application_name": "myapp",
        ])
        #expect(try parse("postgres://") == [:])
        #expect(try parse("postgresql://localhost") == ["host": "localhost"])
        #expect(try parse("postgresql://other@localhost/otherdb") == ["user": "other", "host": "localhost", "dbname": "otherdb"])
    }

    @Test func emptyPartsSetNothing() throws {
        #expect(try parse("postgres://@/") == [:])
        #expect(try parse("postgres://:@:/") == [:])
        #expect(try parse("postgres://user:@host/") == ["user": "user", "host": "host"])
        #expect(try parse("postgres:///mydb?host=/var/run/postgresql") == ["dbname": "mydb", "host": "/var/run/postgresql"])
    }

    @Test func percentDecodingInEveryPart() throws {
        #expect(try parse("postgres://us%40er:p%3Ass%2Fw%25rd@%2Fvar%2Frun%2Fpostgresql/my%20db?options=-c%20x%3Dy") == [
            "user": "us@er", "password": "p:ss/w%rd", "host": "/var/run/postgresql", "dbname": "my db", "options": "-c x=y",
        ])
        #expect(try parse("postgres://h/db?application_name=a+b") == ["host": "h", "dbname": "db", "application_name": "a+b"])
        #expect(throws: ConnectionInfoError.invalidPercentEncoding(part: .password)) { try parse("postgres://u:100%@h/db") }
        #expect(throws: ConnectionInfoError.invalidPercentEncoding(part: .database)) { try parse("postgres://h/db%00") }
        #expect(throws: ConnectionInfoError.invalidPercentEncoding(part: .queryValue(keyword: "options"))) { try parse("postgres://h/?options=%zz") }
    }

    @Test func multipleHostsAndPorts() throws {
        #expect(try parse("postgresql://host1:123,host2:456/somedb") == ["host": "host1,host2", "port": "123,456", "dbname": "somedb"])
        #expect(try parse("postgresql://host1,host2:456") == ["host": "host1,host2", "port": ",456"])
        #expect(try parse("postgresql://host1,host2") == ["host": "host1,host2", "port": ","])
        #expect(try parse("postgresql://[::1]:5432,[2001:db8::1]/db") == ["host": "::1,2001:db8::1", "port": "5432,", "dbname": "db"])
    }

    @Test func ipv6Hosts() throws {
        #expect(try parse("postgresql://[2001:db8::1234]/database") == ["host": "2001:db8::1234", "dbname": "database"])
        #expect(try parse("postgresql://[::1]") == ["host": "::1"])
        #expect(throws: ConnectionInfoError.malformedIPv6Host(reason: .unterminated)) { try parse("postgresql://[::1/db") }
        #expect(throws: ConnectionInfoError.malformedIPv6Host(reason: .empty)) { try parse("postgresql://[]/db") }
        #expect(throws: ConnectionInfoError.malformedIPv6Host(reason: .unexpectedCharacter("x"))) { try parse("postgresql://[::1]x/db") }
    }

    @Test func queryParameters() throws {
        #expect(try parse("postgres://h?ssl=true") == ["host": "h", "sslmode": "require"])
        #expect(throws: ConnectionInfoError.unknownKeyword("ssl")) { try parse("postgres://h?ssl=false") }
        #expect(try parse("postgres://h?port=1&port=2") == ["host": "h", "port": "2"])
        #expect(try parse("postgres://h:1?port=2") == ["host": "h", "port": "2"])
        #expect(try parse("postgres://h?sslmode=require&") == ["host": "h", "sslmode": "require"])
        #expect(throws: ConnectionInfoError.malformedQueryParameter(.queryName, reason: .missingEquals)) { try parse("postgres://h?sslmode") }
        #expect(throws: ConnectionInfoError.malformedQueryParameter(.queryName, reason: .extraEquals)) { try parse("postgres://h?options=-c x=y") }
        #expect(throws: ConnectionInfoError.unknownKeyword("sslmdoe")) { try parse("postgres://h?sslmdoe=require") }
    }

    @Test func userPartEndsAtTheFirstAt() throws {
        #expect(try parse("postgres://u:p@ss@host/db") == ["user": "u", "password": "p", "host": "ss@host", "dbname": "db"])
        #expect(try parse("postgres://host/db@x") == ["host": "host", "dbname": "db@x"])
    }

    @Test func onlyTheTwoSchemesAreURIs() {
        #expect(ConnectionParameters.isURI("postgres://h"))
        #expect(ConnectionParameters.isURI("postgresql://h"))
        #expect(!ConnectionParameters.isURI("POSTGRES://h"))
        #expect(!ConnectionParameters.isURI("postgis://h"))
        #expect(throws: ConnectionInfoError.missingEquals(keyword: "mysql://h")) { try parse("mysql://h") }
    }
}
