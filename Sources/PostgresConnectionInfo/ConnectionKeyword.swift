/// One keyword of libpq's connection strings, with the environment variable and built-in
/// default that fill it when a string leaves it out.
///
/// The table is libpq's (`PQconndefaults` lists the same names, variables and defaults), so a
/// string that psql accepts is accepted here and a typo is an error here as it is there.
public struct ConnectionKeyword: Sendable, Hashable {
    /// The keyword as written in a connection string, such as `sslmode`.
    public let name: String
    /// The `PG*` variable that supplies the value when the string does not, such as `PGSSLMODE`.
    public let environmentVariable: String?
    /// libpq's compiled-in default, used when neither the string nor the environment sets it.
    public let builtInDefault: String?
    /// True for values that must never be printed (`password`, `sslpassword`).
    public let isSecret: Bool
    /// The libpq major version that introduced the keyword (older ones reject it).
    public let sinceLibPQ: Int

    init(_ name: String, _ environmentVariable: String?, default builtInDefault: String? = nil, secret: Bool = false, since: Int = 12) {
        self.name = name
        self.environmentVariable = environmentVariable
        self.builtInDefault = builtInDefault
        self.isSecret = secret
        self.sinceLibPQ = since
    }

    /// Every keyword libpq 17 knows, in libpq's order.
    ///
    /// Defaults are those of a libpq built with TLS and GSSAPI, as Linux distributions and
    /// Homebrew ship it.
    public static let all: [ConnectionKeyword] = [
        .init("service", "PGSERVICE"),
        .init("user", "PGUSER"),
        .init("password", "PGPASSWORD", secret: true),
        .init("passfile", "PGPASSFILE"),
        .init("channel_binding", "PGCHANNELBINDING", default: "prefer"),
        .init("connect_timeout", "PGCONNECT_TIMEOUT"),
        .init("dbname", "PGDATABASE"),
        .init("host", "PGHOST"),
        .init("hostaddr", "PGHOSTADDR"),
        .init("port", "PGPORT", default: "5432"),
        .init("client_encoding", "PGCLIENTENCODING"),
        .init("options", "PGOPTIONS", default: ""),
        .init("application_name", "PGAPPNAME"),
        .init("fallback_application_name", nil),
        .init("keepalives", nil),
        .init("keepalives_idle", nil),
        .init("keepalives_interval", nil),
        .init("keepalives_count", nil),
        .init("tcp_user_timeout", nil),
        .init("sslmode", "PGSSLMODE", default: "prefer"),
        .init("sslnegotiation", "PGSSLNEGOTIATION", default: "postgres", since: 17),
        .init("sslcompression", "PGSSLCOMPRESSION", default: "0"),
        .init("sslcert", "PGSSLCERT"),
        .init("sslkey", "PGSSLKEY"),
        .init("sslcertmode", "PGSSLCERTMODE", since: 16),
        .init("sslpassword", nil, secret: true),
        .init("sslrootcert", "PGSSLROOTCERT"),
        .init("sslcrl", "PGSSLCRL"),
        .init("sslcrldir", "PGSSLCRLDIR"),
        .init("sslsni", "PGSSLSNI", default: "1"),
        .init("requirepeer", "PGREQUIREPEER"),
        .init("require_auth", "PGREQUIREAUTH", since: 16),
        .init("ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION", default: "TLSv1.2"),
        .init("ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION"),
        .init("gssencmode", "PGGSSENCMODE", default: "prefer"),
        .init("krbsrvname", "PGKRBSRVNAME", default: "postgres"),
        .init("gsslib", "PGGSSLIB"),
        .init("gssdelegation", "PGGSSDELEGATION", default: "0", since: 16),
        .init("replication", nil),
        .init("target_session_attrs", "PGTARGETSESSIONATTRS", default: "any"),
        .init("load_balance_hosts", "PGLOADBALANCEHOSTS", default: "disable", since: 16),
    ]

    /// The keyword called `name`, if libpq knows one.
    public static func named(_ name: String) -> ConnectionKeyword? {
        byName[name]
    }

    /// The names of ``all``.
    public static let allNames: Set<String> = Set(all.map(\.name))

    private static let byName: [String: ConnectionKeyword] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
