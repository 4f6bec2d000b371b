extension ConnectionParameters {
    /// These parameters with every keyword they leave out filled in the order libpq uses:
    /// the service's settings (`service` or `PGSERVICE`), then the keyword's `PG*` variable,
    /// then libpq's built-in default; `user` falls back to the operating system user.
    ///
    /// The result matches what `PQconndefaults` reports for the same environment (with the
    /// string's own values on top). `dbname`, `host` and the password file are resolved later,
    /// per host, by ``ResolvedConnection``.
    public func withDefaults(
        from environment: ConnectionEnvironment, knownKeywords: Set<String> = ConnectionKeyword.allNames
    ) throws(ConnectionInfoError) -> ConnectionParameters {
        var result = self
        if let service = self["service"] ?? environment["PGSERVICE"] {
            let settings = try ServiceFile.settings(of: service, environment: environment, knownKeywords: knownKeywords)
            for (keyword, value) in settings where result[keyword] == nil {
                result[keyword] = value
            }
        }
        var sslModeWasDefaulted = false
        for keyword in ConnectionKeyword.all where knownKeywords.contains(keyword.name) && result[keyword.name] == nil {
            if let variable = keyword.environmentVariable, let value = environment[variable] {
                result[keyword.name] = value
                continue
            }
            // The deprecated PGREQUIRESSL=1 still means sslmode=require when PGSSLMODE is unset.
            if keyword.name == "sslmode", environment["PGREQUIRESSL"]?.hasPrefix("1") == true {
                result[keyword.name] = "require"
                continue
            }
            if keyword.name == "sslmode" { sslModeWasDefaulted = true }
            if let builtIn = keyword.builtInDefault {
                result[keyword.name] = builtIn
            } else if keyword.name == "user", let user = environment.userName {
                result[keyword.name] = user
            }
        }
        // libpq 16+: trusting the system's roots makes full verification the default.
        if sslModeWasDefaulted, result["sslrootcert"] == "system" {
            result["sslmode"] = "verify-full"
        }
        return result
    }
}
