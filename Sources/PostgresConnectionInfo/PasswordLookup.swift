/// Fills each host's password: the explicit one, else the password file's (as libpq's
/// `connectOptions2`, which looks up every host because each may have its own line).
enum PasswordLookup {
    static func apply(
        to hosts: inout [ResolvedConnection.Host],
        parameters: ConnectionParameters,
        user: String,
        database: String,
        environment: ConnectionEnvironment,
        warnings: inout [String]
    ) {
        if let explicit = parameters["password"], !explicit.isEmpty {
            for index in hosts.indices { hosts[index].password = explicit }
            return
        }
        guard let file = parameters["passfile"].flatMap({ $0.isEmpty ? nil : $0 }) ?? environment.pathInHome(".pgpass") else { return }
        for index in hosts.indices {
            let host = hosts[index]
            // The default socket folder is "localhost" in the file, as in libpq.
            let key = environment.socketDirectories.contains(host.name) ? "localhost" : host.name
            switch PasswordFile.lookup(host: key, port: String(host.port), database: database, user: user, file: file, fileSystem: environment.fileSystem) {
            case let .found(password):
                hosts[index].password = password
                hosts[index].passwordFromFile = true
            case .notFound:
                continue
            case let .ignored(warning):
                if !warnings.contains(warning) { warnings.append(warning) }
            }
        }
    }
}
