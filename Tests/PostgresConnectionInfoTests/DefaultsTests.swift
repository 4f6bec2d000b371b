import PostgresConnectionInfo
import Testing

/// Precedence: the string, then the service file, then `PG*` variables, then libpq's defaults.
struct DefaultsTests {
    @Test func builtInDefaultsAndTheOperatingSystemUser() throws {
        let values = try ConnectionParameters().withDefaults(from: .hermetic()).values
        #expect(values["user"] == "alice")
        #expect(values["port"] == "5432")
        #expect(values["sslmode"] == "prefer")
        #expect(values["options"] == "")
        #expect(values["target_session_attrs"] == "any")
        #expect(values["host"] == nil && values["dbname"] == nil && values["password"] == nil)
    }

    @Test func variablesFillWhatTheStringLeavesOut() throws {
        let environment = ConnectionEnvironment.hermetic([
            "PGHOST": "envhost", "PGPORT": "6000", "PGDATABASE": "envdb", "PGUSER": "bob", "PGPASSWORD": "envpw",
            "PGSSLMODE": "require", "PGAPPNAME": "app", "PGCONNECT_TIMEOUT": "7", "PGOPTIONS": "-c x=y",
            "PGSSLROOTCERT": "/ca.pem", "PGTARGETSESSIONATTRS": "read-write",
        ])
        let values = try ConnectionParameters(parsing: "host=strhost dbname=strdb").withDefaults(from: environment).values
        #expect(values["host"] == "strhost")
        #expect(values["dbname"] == "strdb")
        #expect(values["port"] == "6000")
        #expect(values["user"] == "bob")
        #expect(values["password"] == "envpw")
        #expect(values["sslmode"] == "require")
        #expect(values["application_name"] == "app")
        #expect(values["connect_timeout"] == "7")
        #expect(values["options"] == "-c x=y")
        #expect(values["sslrootcert"] == "/ca.pem")
        #expect(values["target_session_attrs"] == "read-write")
    }

    @Test func anEmptyVariableIsAValue() throws {
        let values = try ConnectionParameters().withDefaults(from: .hermetic(["PGPORT": ""])).values
        #expect(values["port"] == "")
    }

    @Test func legacyRequireSSLVariable() throws {
        #expect(try ConnectionParameters().withDefaults(from: .hermetic(["PGREQUIRESSL": "1"]))["sslmode"] == "require")
        #expect(try ConnectionParameters().withDefaults(from: .hermetic(["PGREQUIRESSL": "1", "PGSSLMODE": "disable"]))["sslmode"] == "disable")
        #expect(try ConnectionParameters().withDefaults(from: .hermetic(["PGREQUIRESSL": "0"]))["sslmode"] == "prefer")
    }

    @Test func systemRootsMakeFullVerificationTheDefault() throws {
        #expect(try ConnectionParameters(["sslrootcert": "system"]).withDefaults(from: .hermetic())["sslmode"] == "verify-full")
        #expect(try ConnectionParameters(["sslrootcert": "system"]).withDefaults(from: .hermetic(["PGSSLMODE": "require"]))["sslmode"] == "require")
    }

    @Test func serviceFileSitsBetweenTheStringAndTheVariables() throws {
        let file = """
            # services
            [other]
            host=wrong
            [app]
            host=servicehost
            port=7000
            dbname=servicedb
            [later]
            user=wrong
            """
        let environment = ConnectionEnvironment.hermetic(["PGPORT": "6000", "PGUSER": "bob"], files: ["/home/alice/.pg_service.conf": (file, 0o644)])
        let values = try ConnectionParameters(parsing: "service=app dbname=strdb").withDefaults(from: environment).values
        #expect(values["host"] == "servicehost")
        #expect(values["port"] == "7000")
        #expect(values["dbname"] == "strdb")
        #expect(values["user"] == "bob")
    }

    @Test func serviceFromTheEnvironmentAndTheSystemFile() throws {
        let environment = ConnectionEnvironment.hermetic(
            ["PGSERVICE": "app", "PGSYSCONFDIR": "/opt/pg"],
            files: ["/opt/pg/pg_service.conf": ("[app]\nhost=systemhost\n", 0o644)])
        #expect(try ConnectionParameters().withDefaults(from: environment)["host"] == "systemhost")
        let explicitFile = ConnectionEnvironment.hermetic(
            ["PGSERVICEFILE": "/srv/services.conf"], files: ["/srv/services.conf": ("  [app]  \n  host=filehost  \n", 0o644)])
        #expect(try ConnectionParameters(["service": "app"]).withDefaults(from: explicitFile)["host"] == "filehost")
    }

    @Test func serviceErrors() {
        let files: [String: (String, UInt16)] = [
            "/home/alice/.pg_service.conf": ("[bad]\nhots=x\n[nested]\nservice=other\n[nokey]\njust words\n[spaced]\nhost = x\n", 0o644),
        ]
        let environment = ConnectionEnvironment.hermetic(files: files)
        #expect(throws: ConnectionInfoError.serviceNotFound("missing")) { try ConnectionParameters(["service": "missing"]).withDefaults(from: environment) }
        #expect(throws: ConnectionInfoError.serviceFileSyntax(path: "/home/alice/.pg_service.conf", line: 2)) {
            try ConnectionParameters(["service": "bad"]).withDefaults(from: environment)
        }
        #expect(throws: ConnectionInfoError.nestedService(path: "/home/alice/.pg_service.conf", line: 4)) {
            try ConnectionParameters(["service": "nested"]).withDefaults(from: environment)
        }
        #expect(throws: ConnectionInfoError.serviceFileSyntax(path: "/home/alice/.pg_service.conf", line: 6)) {
            try ConnectionParameters(["service": "nokey"]).withDefaults(from: environment)
        }
        #expect(throws: ConnectionInfoError.serviceFileSyntax(path: "/home/alice/.pg_service.conf", line: 8)) {
            try ConnectionParameters(["service": "spaced"]).withDefaults(from: environment)
        }
        #expect(throws: ConnectionInfoError.serviceFileUnreadable(path: "/nope")) {
            try ConnectionParameters(["service": "x"]).withDefaults(from: .hermetic(["PGSERVICEFILE": "/nope"]))
        }
    }
}
