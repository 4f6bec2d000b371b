/// Pairs `host`, `hostaddr` and `port` lists into hosts, as libpq's `connectOptions2` does.
enum HostList {
    static func resolve(_ parameters: ConnectionParameters, environment: ConnectionEnvironment) throws(ConnectionInfoError) -> [ResolvedConnection.Host] {
        let names = nonEmpty(parameters["host"]).map(split) ?? []
        let addresses = nonEmpty(parameters["hostaddr"]).map(split) ?? []
        let count = !addresses.isEmpty ? addresses.count : max(names.count, 1)
        if !addresses.isEmpty, !names.isEmpty, names.count != addresses.count {
            throw .hostAddressCountMismatch(hosts: names.count, addresses: addresses.count)
        }
        var ports = nonEmpty(parameters["port"]).map(split) ?? []
        if ports.count == 1 {
            ports = Array(repeating: ports[0], count: count)
        } else if !ports.isEmpty, ports.count != count {
            throw .portCountMismatch(ports: ports.count, hosts: count)
        }
        return try (0..<count).map { index throws(ConnectionInfoError) in
            let portText = ports.isEmpty ? "" : ports[index]
            let port = try parsePort(portText)
            let address = addresses.isEmpty ? nil : nonEmpty(addresses[index])
            let given = names.isEmpty ? nil : nonEmpty(names[index])
            // With only hostaddr, the address is also the name (for .pgpass and messages), as in libpq.
            let name = given ?? address ?? defaultHost(port: port, environment: environment)
            let endpoint: ResolvedConnection.Host.Endpoint
            if let address {
                endpoint = .tcp(host: address, port: port)
            } else if isSocketFolder(name) {
                endpoint = .unixSocket(path: "\(name.hasSuffix("/") ? String(name.dropLast()) : name)/.s.PGSQL.\(port)")
            } else {
                endpoint = .tcp(host: name, port: port)
            }
            return ResolvedConnection.Host(name: name, address: address, port: port, endpoint: endpoint, password: nil, passwordFromFile: false)
        }
    }

    /// A host that is a path names the folder of a Unix-domain socket (`@` an abstract one).
    static func isSocketFolder(_ host: String) -> Bool {
        host.hasPrefix("/") || host.hasPrefix("@")
    }

    /// libpq's compiled-in default: its socket folder, or `localhost` where there is none.
    static func defaultHost(port: Int, environment: ConnectionEnvironment) -> String {
        let folders = environment.socketDirectories
        return folders.first { environment.fileSystem.status(ofFile: "\($0)/.s.PGSQL.\(port)") != nil } ?? folders.first ?? "localhost"
    }

    /// Parses a port as libpq does (surrounding whitespace allowed); empty means 5432.
    static func parsePort(_ text: String) throws(ConnectionInfoError) -> Int {
        guard !text.isEmpty else { return 5432 }
        guard let value = ValueChecks.integer(text) else { throw .invalidInteger(keyword: "port", value: text) }
        guard (1...65535).contains(value) else { throw .invalidPort(text) }
        return value
    }

    private static func split(_ list: String) -> [String] {
        list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
