import NIOCore
import NIOSSL
import PostgresConnectionInfo

/// A resolved connection translated into what PostgresNIO can express, refusing the settings
/// it cannot honour where ignoring them would connect somewhere else or less safely than psql.
///
/// Ignored because they change nothing a PostgresNIO connection can observe: `keepalives*`,
/// `tcp_user_timeout`, `sslcompression`, `sslsni` (SNI is sent whenever the host is a name),
/// `krbsrvname`, `gsslib`, `gssdelegation`, and `gssencmode`/`channel_binding` other than `require`.
struct DriverSettings {
    enum TLSMode {
        case disable
        case prefer(TLSConfiguration)
        case require(TLSConfiguration)
    }

    let endpoint: ResolvedConnection.Host.Endpoint
    let user: String
    let password: String?
    let database: String
    let tls: TLSMode
    let tlsServerName: String?
    let startupParameters: [(String, String)]
    /// `nil` keeps PostgresNIO's default (10 s) when `connect_timeout` is not set.
    let connectTimeout: TimeAmount?

    /// The settings for connecting to `host`, one of `resolved`'s hosts (the first by default).
    init(_ resolved: ResolvedConnection, host: ResolvedConnection.Host? = nil, environment: ConnectionEnvironment) throws(ConnectionInfoError) {
        try Self.refuseUnsupported(resolved)
        let host = host ?? resolved.primaryHost
        endpoint = host.endpoint
        user = resolved.user
        // libpq treats an empty password as none.
        password = host.password.flatMap { $0.isEmpty ? nil : $0 }
        database = resolved.database
        tls = host.isUnixSocket ? .disable : try TLSSettings.mode(for: resolved, environment: environment)
        // With hostaddr, the host name is still what the certificate must name.
        tlsServerName = host.address != nil && !HostListName.isAddress(host.name) ? host.name : nil
        var parameters: [(String, String)] = []
        if let name = resolved.applicationName { parameters.append(("application_name", name)) }
        if let options = resolved.serverOptions { parameters.append(("options", options)) }
        startupParameters = parameters
        if let text = resolved.parameters["connect_timeout"], !text.isEmpty {
            // libpq waits forever for 0 or less; a year is forever enough.
            connectTimeout = .seconds(Int64(resolved.connectTimeout ?? 365 * 24 * 3600))
        } else {
            connectTimeout = nil
        }
    }

    private static func refuseUnsupported(_ resolved: ResolvedConnection) throws(ConnectionInfoError) {
        let parameters = resolved.parameters
        func value(_ keyword: String) -> String? {
            parameters[keyword].flatMap { $0.isEmpty ? nil : $0 }
        }
        for host in resolved.hosts {
            if case let .unixSocket(path) = host.endpoint, path.hasPrefix("@") {
                throw .unsupported(keyword: "host", value: host.name, reason: "PostgresNIO cannot open abstract Unix sockets")
            }
        }
        let refusals: [(keyword: String, refused: (String) -> Bool, reason: String)] = [
            ("channel_binding", { $0 == "require" }, "its SCRAM authentication does not use channel binding"),
            ("gssencmode", { $0 == "require" }, "it has no GSSAPI encryption"),
            ("require_auth", { _ in true }, "it cannot restrict the server's authentication method"),
            ("requirepeer", { _ in true }, "it cannot check the server process's user"),
            ("replication", { ["1", "true", "yes", "on", "database"].contains($0.lowercased()) }, "it has no replication protocol"),
            ("sslnegotiation", { $0 == "direct" }, "it negotiates TLS with an SSLRequest first"),
            ("sslcertmode", { $0 == "require" }, "it cannot tell whether the server asked for a client certificate"),
            ("sslcrl", { _ in true }, "it cannot check certificate revocation lists"),
            ("sslcrldir", { _ in true }, "it cannot check certificate revocation lists"),
            ("client_encoding", { !["utf8", "utf-8", "unicode", "auto"].contains($0.lowercased()) }, "it reads and writes UTF-8 only"),
        ]
        for refusal in refusals {
            if let given = value(refusal.keyword), refusal.refused(given) {
                throw .unsupported(keyword: refusal.keyword, value: given, reason: refusal.reason)
            }
        }
    }
}

extension DriverSettings {
    /// Refuses what a single-host driver (PostgresNIO's own `PostgresClient` and
    /// `PostgresConnection`) cannot honour: several hosts, or a check of the server's role.
    /// Connecting to the first host alone would reach the wrong server after a failover.
    static func refuseMultiHost(_ resolved: ResolvedConnection) throws(ConnectionInfoError) {
        let reason = "PostgresNIO's PostgresClient and PostgresConnection connect to one host without checking it: "
            + "use DatabaseClient, which tries every host as libpq does"
        if resolved.hosts.count > 1 {
            throw .unsupported(keyword: "host", value: resolved.hosts.map(\.displayName).joined(separator: ","), reason: reason)
        }
        if resolved.targetSessionAttributes.needsRole {
            throw .unsupported(keyword: "target_session_attrs", value: resolved.targetSessionAttributes.rawValue, reason: reason)
        }
    }
}

/// Tells host names from IP addresses (which cannot be TLS server names).
enum HostListName {
    static func isAddress(_ host: String) -> Bool {
        host.contains(":") || host.split(separator: ".").count == 4 && host.split(separator: ".").allSatisfy { UInt8($0) != nil }
    }
}
