import PostgresConnectionInfo
import Testing

/// What libpq works out before connecting: hosts, ports, sockets, user, database, checks.
struct ResolvedConnectionTests {
    @Test func userAndDatabaseDefaults() throws {
        let resolved = try ResolvedConnection("host=h", environment: .hermetic())
        #expect(resolved.user == "alice")
        #expect(resolved.database == "alice")
        #expect(resolved.primaryHost.endpoint == .tcp(host: "h", port: 5432))
        #expect(resolved.displayName == "alice@h:5432/alice")
        #expect(try ResolvedConnection("host=h user=bob", environment: .hermetic()).database == "bob")
        #expect(try ResolvedConnection("host=h", environment: .hermetic(["PGDATABASE": "d"])).database == "d")
    }

    @Test func variablesAloneAreEnough() throws {
        let resolved = try ResolvedConnection("", environment: .hermetic(["PGHOST": "db", "PGPORT": "6432", "PGUSER": "u", "PGDATABASE": "d"]))
        #expect(resolved.primaryHost.endpoint == .tcp(host: "db", port: 6432))
        #expect(resolved.displayName == "u@db:6432/d")
    }

    @Test func socketFolders() throws {
        let explicit = try ResolvedConnection("host=/run/pg port=5433", environment: .hermetic())
        #expect(explicit.primaryHost.endpoint == .unixSocket(path: "/run/pg/.s.PGSQL.5433"))
        #expect(explicit.primaryHost.isUnixSocket)
        #expect(explicit.displayName == "alice@socket /run/pg/.s.PGSQL.5433/alice")
        let viaURI = try ResolvedConnection("postgresql://%2Ftmp%2F/db", environment: .hermetic())
        #expect(viaURI.primaryHost.endpoint == .unixSocket(path: "/tmp/.s.PGSQL.5432"))
    }

    @Test func theDefaultHostIsTheFolderThatHoldsTheSocket() throws {
        let inTmp = ConnectionEnvironment.hermetic(files: ["/tmp/.s.PGSQL.5432": ("", 0o777)])
        #expect(try ResolvedConnection("", environment: inTmp).primaryHost.endpoint == .unixSocket(path: "/tmp/.s.PGSQL.5432"))
        #expect(try ResolvedConnection("", environment: .hermetic()).primaryHost.endpoint == .unixSocket(path: "/var/run/postgresql/.s.PGSQL.5432"))
        var noSockets = ConnectionEnvironment.hermetic()
        noSockets.socketDirectories = []
        #expect(try ResolvedConnection("", environment: noSockets).primaryHost.endpoint == .tcp(host: "localhost", port: 5432))
    }

    @Test func hostaddrIsWhereToConnectAndHostIsTheName() throws {
        let resolved = try ResolvedConnection("host=db.example.com hostaddr=10.0.0.5", environment: .hermetic())
        #expect(resolved.primaryHost.endpoint == .tcp(host: "10.0.0.5", port: 5432))
        #expect(resolved.primaryHost.name == "db.example.com")
        #expect(resolved.primaryHost.address == "10.0.0.5")
    }

    @Test func multipleHostsPairWithPorts() throws {
        let resolved = try ResolvedConnection("postgresql://a:1,b,[::1]:3/db", environment: .hermetic())
        #expect(resolved.hosts.map(\.endpoint) == [.tcp(host: "a", port: 1), .tcp(host: "b", port: 5432), .tcp(host: "::1", port: 3)])
        #expect(resolved.displayName == "alice@a:1,b:5432,[::1]:3/db")
        let onePort = try ResolvedConnection("host=a,b port=7", environment: .hermetic())
        #expect(onePort.hosts.map(\.port) == [7, 7])
        let emptyHost = try ResolvedConnection("host=a,,b", environment: .hermetic())
        #expect(emptyHost.hosts[1].endpoint == .unixSocket(path: "/var/run/postgresql/.s.PGSQL.5432"))
        #expect(throws: ConnectionInfoError.portCountMismatch(ports: 2, hosts: 3)) { try ResolvedConnection("host=a,b,c port=1,2", environment: .hermetic()) }
        #expect(throws: ConnectionInfoError.hostAddressCountMismatch(hosts: 2, addresses: 1)) {
            try ResolvedConnection("host=a,b hostaddr=1.2.3.4", environment: .hermetic())
        }
    }

    @Test func portsAreCheckedAsLibpqChecksThem() throws {
        #expect(try ResolvedConnection("host=h port=' 6000 '", environment: .hermetic()).primaryHost.port == 6000)
        #expect(throws: ConnectionInfoError.invalidInteger(keyword: "port", value: "abc")) {
            try ResolvedConnection("host=h port=abc", environment: .hermetic())
        }
        #expect(throws: ConnectionInfoError.invalidPort("70000")) { try ResolvedConnection("host=h port=70000", environment: .hermetic()) }
        #expect(throws: ConnectionInfoError.invalidPort("0")) { try ResolvedConnection("postgres://h:0/db", environment: .hermetic()) }
    }

    @Test func enumeratedValuesAreChecked() {
        #expect(throws: ConnectionInfoError.invalidValue(keyword: "sslmode", value: "requir", allowed: SSLMode.allCases.map(\.rawValue))) {
            try ResolvedConnection("host=h sslmode=requir", environment: .hermetic())
        }
        #expect(throws: ConnectionInfoError.self) { try ResolvedConnection("host=h", environment: .hermetic(["PGSSLMODE": "bogus"])) }
        #expect(throws: ConnectionInfoError.self) { try ResolvedConnection("host=h target_session_attrs=master", environment: .hermetic()) }
        #expect(throws: ConnectionInfoError.self) { try ResolvedConnection("host=h ssl_min_protocol_version=TLSv2", environment: .hermetic()) }
        #expect(throws: ConnectionInfoError.self) {
            try ResolvedConnection("host=h ssl_min_protocol_version=TLSv1.3 ssl_max_protocol_version=tlsv1.2", environment: .hermetic())
        }
        #expect(throws: ConnectionInfoError.self) { try ResolvedConnection("host=h sslrootcert=system sslmode=require", environment: .hermetic()) }
    }

    @Test func connectTimeout() throws {
        #expect(try ResolvedConnection("host=h", environment: .hermetic()).connectTimeout == nil)
        #expect(try ResolvedConnection("host=h connect_timeout=10", environment: .hermetic()).connectTimeout == 10)
        #expect(try ResolvedConnection("host=h connect_timeout=1", environment: .hermetic()).connectTimeout == 2)
        #expect(try ResolvedConnection("host=h connect_timeout=0", environment: .hermetic()).connectTimeout == nil)
        #expect(try ResolvedConnection("host=h connect_timeout=-5", environment: .hermetic()).connectTimeout == nil)
        #expect(throws: ConnectionInfoError.invalidInteger(keyword: "connect_timeout", value: "10s")) {
            try ResolvedConnection("host=h connect_timeout=10s", environment: .hermetic())
        }
    }

    @Test func applicationNameAndOptions() throws {
        let resolved = try ResolvedConnection("host=h fallback_application_name=fallback options='-c search_path=app'", environment: .hermetic())
        #expect(resolved.applicationName == "fallback")
        #expect(resolved.serverOptions == "-c search_path=app")
        #expect(try ResolvedConnection("host=h application_name=main fallback_application_name=f", environment: .hermetic()).applicationName == "main")
        #expect(try ResolvedConnection("host=h", environment: .hermetic()).serverOptions == nil)
    }
}
