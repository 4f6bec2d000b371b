/// The checks libpq makes on keyword values before connecting, so that a typo such as
/// `sslmode=requir` fails here as it fails in psql.
enum ValueChecks {
    /// Values each enumerated keyword takes (an unset keyword is not checked).
    static let allowedValues: [(keyword: String, values: [String])] = [
        ("channel_binding", ["disable", "prefer", "require"]),
        ("sslmode", SSLMode.allCases.map(\.rawValue)),
        ("sslnegotiation", ["postgres", "direct"]),
        ("sslcertmode", ["disable", "allow", "require"]),
        ("gssencmode", ["disable", "prefer", "require"]),
        ("target_session_attrs", ["any", "read-write", "read-only", "primary", "standby", "prefer-standby"]),
        ("load_balance_hosts", ["disable", "random"]),
    ]

    static let tlsVersions = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"]

    static func validate(_ parameters: ConnectionParameters) throws(ConnectionInfoError) {
        for (keyword, values) in allowedValues {
            if let value = parameters[keyword], !values.contains(value) {
                throw .invalidValue(keyword: keyword, value: value, allowed: values)
            }
        }
        if parameters["sslrootcert"] == "system", let mode = parameters["sslmode"], mode != "verify-full" {
            throw .invalidValue(keyword: "sslmode", value: mode, allowed: ["verify-full (sslrootcert=system needs it)"])
        }
        // Protocol versions are case-insensitive; empty means "no bound".
        for keyword in ["ssl_min_protocol_version", "ssl_max_protocol_version"] {
            if let value = parameters[keyword], !value.isEmpty, tlsVersion(value) == nil {
                throw .invalidValue(keyword: keyword, value: value, allowed: tlsVersions)
            }
        }
        if let minimum = parameters["ssl_min_protocol_version"].flatMap(tlsVersion),
           let maximum = parameters["ssl_max_protocol_version"].flatMap(tlsVersion), minimum > maximum {
            throw .invalidValue(keyword: "ssl_max_protocol_version", value: parameters["ssl_max_protocol_version"] ?? "",
                                allowed: Array(tlsVersions[minimum...]))
        }
    }

    /// The index of a TLS version name in ``tlsVersions``, compared case-insensitively.
    static func tlsVersion(_ value: String) -> Int? {
        tlsVersions.firstIndex { $0.lowercased() == value.lowercased() }
    }

    /// `connect_timeout` in seconds, `nil` for no limit; libpq raises 1 to 2.
    static func connectTimeout(_ text: String?) throws(ConnectionInfoError) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let seconds = integer(text) else { throw .invalidInteger(keyword: "connect_timeout", value: text) }
        guard seconds > 0 else { return nil }
        return max(seconds, 2)
    }

    /// An integer as libpq's `pqParseIntParam` reads one: whitespace around it allowed, an
    /// optional sign, decimal digits, within 32 bits.
    static func integer(_ text: String) -> Int? {
        var bytes = Substring(text).utf8.drop { ASCII.isSpace($0) }[...]
        while let last = bytes.last, ASCII.isSpace(last) { bytes = bytes.dropLast() }
        guard let value = Int32(String(decoding: bytes, as: UTF8.self)) else { return nil }
        return Int(value)
    }
}
