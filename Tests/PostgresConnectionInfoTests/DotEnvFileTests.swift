import PostgresConnectionInfo
import Testing

/// The one `.env` reader, and the order in which commands look for a connection string.
struct DotEnvFileTests {
    @Test func assignmentsCommentsAndExport() {
        let file = DotEnvFile(parsing: """
            # local settings
            export DATABASE_URL=postgres://a@h/db
            PORT = 3000
              SPACED=  value with spaces   # a comment
            HASH=a#b
            not an assignment
            1BAD=x
            EMPTY=

            """)
        #expect(file.values == [
            "DATABASE_URL": "postgres://a@h/db", "PORT": "3000", "SPACED": "value with spaces", "HASH": "a#b", "EMPTY": "",
        ])
    }

    @Test func quotes() {
        let file = DotEnvFile(parsing: #"""
            DOUBLE="host=h password='x y' # not a comment" # comment
            SINGLE='no \n escapes $HOME'
            ESCAPES="line\nnext \"quoted\" back\\slash"
            UNCLOSED="open
            """#)
        #expect(file["DOUBLE"] == "host=h password='x y' # not a comment")
        #expect(file["SINGLE"] == #"no \n escapes $HOME"#)
        #expect(file["ESCAPES"] == "line\nnext \"quoted\" back\\slash")
        #expect(file["UNCLOSED"] == "\"open")
    }

    @Test func lastAssignmentWinsAndCRLFLinesWork() {
        let file = DotEnvFile(parsing: "A=1\r\nA=2\r\nB=3\r\n")
        #expect(file["A"] == "2")
        #expect(file["B"] == "3")
    }

    @Test func sourceOrder() throws {
        var fileSystem = InMemoryFileSystem()
        fileSystem.files["/p/.env"] = ("DATABASE_URL=from-dotenv\n", 0o644)
        let resolve = { (argument: String?, environment: [String: String]) throws -> ConnectionSource in
            try ConnectionSource.resolve(argument: argument, environment: environment, dotEnvFile: "/p/.env", fileSystem: fileSystem)
        }
        #expect(try resolve("host=x", ["DATABASE_URL": "env"]) == ConnectionSource(connectionString: "host=x", origin: .argument))
        #expect(try resolve(nil, ["DATABASE_URL": "env"]) == ConnectionSource(connectionString: "env", origin: .environment))
        #expect(try resolve("", [:]) == ConnectionSource(connectionString: "from-dotenv", origin: .dotEnv))
        fileSystem.files = [:]
        #expect(try resolve(nil, ["PGHOST": "h"]) == ConnectionSource(connectionString: "", origin: .libpqVariables))
        #expect(throws: ConnectionInfoError.noConnectionGiven) { try resolve(nil, ["PGPASSWORD": "x"]) }
    }
}
