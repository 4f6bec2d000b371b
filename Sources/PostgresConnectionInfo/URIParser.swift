/// Parses `postgresql://[user[:password]@][host][:port][,host[:port]…][/dbname][?keyword=value&…]`
/// with libpq's rules, which differ from RFC 3986 and from Foundation's `URLComponents`:
///
/// - Several `host:port` pairs separated by commas become `host=h1,h2` and `port=p1,p2`
///   (a host without a port leaves its slot empty: `port=,5433`).
/// - `[…]` holds an IPv6 address; the brackets are dropped.
/// - Every part is percent-decoded; `%00` and malformed escapes are errors. A host that
///   decodes to a path (`%2Fvar%2Frun%2Fpostgresql`) names a Unix socket folder.
/// - Empty parts set nothing (`postgres://@/` sets no user, host or database).
/// - Query parameters are connection keywords; unknown ones are errors. `ssl=true` means
///   `sslmode=require`, for JDBC URLs.
/// - The user part ends at the first `@` before any `/`, so a literal `@` in a user name or
///   password must be written `%40`.
enum URIParser {
    private static let at = UInt8(ascii: "@")
    private static let slash = UInt8(ascii: "/")
    private static let colon = UInt8(ascii: ":")
    private static let question = UInt8(ascii: "?")
    private static let comma = UInt8(ascii: ",")
    private static let equals = UInt8(ascii: "=")
    private static let ampersand = UInt8(ascii: "&")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")

    static func parse(_ bytes: [UInt8], from start: Int, into store: inout ParameterStore) throws(ConnectionInfoError) {
        let end = bytes.count
        func byte(_ index: Int) -> UInt8 { index < end ? bytes[index] : 0 }

        var index = start
        while index < end, bytes[index] != at, bytes[index] != slash {
            index += 1
        }
        if byte(index) == at {
            var cursor = start
            while bytes[cursor] != colon, bytes[cursor] != at {
                cursor += 1
            }
            try storeDecoded(bytes[start..<cursor], as: "user", part: .user, into: &store)
            if bytes[cursor] == colon {
                let passwordStart = cursor + 1
                cursor = passwordStart
                while bytes[cursor] != at {
                    cursor += 1
                }
                try storeDecoded(bytes[passwordStart..<cursor], as: "password", part: .password, into: &store)
            }
            index = cursor + 1
        } else {
            index = start
        }

        var hosts: [UInt8] = []
        var ports: [UInt8] = []
        var terminator: UInt8 = 0
        while true {
            if byte(index) == openBracket {
                index += 1
                let hostStart = index
                while index < end, bytes[index] != closeBracket {
                    index += 1
                }
                guard index < end else { throw .malformedIPv6Host(reason: .unterminated) }
                guard index > hostStart else { throw .malformedIPv6Host(reason: .empty) }
                hosts += bytes[hostStart..<index]
                index += 1
                let next = byte(index)
                if next != 0, next != colon, next != slash, next != question, next != comma {
                    throw .malformedIPv6Host(reason: .unexpectedCharacter(Character(Unicode.Scalar(next))))
                }
            } else {
                let hostStart = index
                while index < end, ![colon, slash, question, comma].contains(bytes[index]) {
                    index += 1
                }
                hosts += bytes[hostStart..<index]
            }
            terminator = byte(index)
            if terminator == colon {
                index += 1
                let portStart = index
                while index < end, ![slash, question, comma].contains(bytes[index]) {
                    index += 1
                }
                ports += bytes[portStart..<index]
                terminator = byte(index)
            }
            guard terminator == comma else { break }
            index += 1
            hosts.append(comma)
            ports.append(comma)
        }
        try storeDecoded(hosts[...], as: "host", part: .host, into: &store)
        try storeDecoded(ports[...], as: "port", part: .port, into: &store)

        if terminator == slash {
            index += 1
            let databaseStart = index
            while index < end, bytes[index] != question {
                index += 1
            }
            // An empty path sets nothing, so PGDATABASE still applies (as in libpq).
            try storeDecoded(bytes[databaseStart..<index], as: "dbname", part: .database, into: &store)
            terminator = byte(index)
        }
        if terminator != 0 {
            try parseQuery(bytes[(index + 1)...], into: &store)
        }
    }

    private static func storeDecoded(
        _ raw: ArraySlice<UInt8>, as keyword: String, part: ConnectionInfoError.URIPart, into store: inout ParameterStore
    ) throws(ConnectionInfoError) {
        guard !raw.isEmpty else { return }
        try store.store(keyword, try PercentDecoding.decode(raw, part: part))
    }

    private static func parseQuery(_ query: ArraySlice<UInt8>, into store: inout ParameterStore) throws(ConnectionInfoError) {
        var index = query.startIndex
        let end = query.endIndex
        while index < end {
            let nameStart = index
            var nameEnd: Int?
            while index < end, query[index] != ampersand {
                if query[index] == equals {
                    guard nameEnd == nil else { throw .malformedQueryParameter(.queryName, reason: .extraEquals) }
                    nameEnd = index
                }
                index += 1
            }
            let valueEnd = index
            if index < end { index += 1 }
            guard let nameEnd else { throw .malformedQueryParameter(.queryName, reason: .missingEquals) }
            let name = try PercentDecoding.decode(query[nameStart..<nameEnd], part: .queryName)
            let value = try PercentDecoding.decode(query[(nameEnd + 1)..<valueEnd], part: .queryValue(keyword: name))
            if name == "ssl", value == "true" {
                try store.store("sslmode", "require")
            } else {
                try store.store(name, value)
            }
        }
    }
}

/// `%XY` decoding as libpq does it: two hex digits of either case, never `%00`; every other
/// byte is kept as it is (`+` is not a space).
enum PercentDecoding {
    static func decode(_ raw: ArraySlice<UInt8>, part: ConnectionInfoError.URIPart) throws(ConnectionInfoError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            index += 1
            guard byte == UInt8(ascii: "%") else {
                output.append(byte)
                continue
            }
            guard index + 1 < raw.endIndex, let high = hexValue(raw[index]), let low = hexValue(raw[index + 1]) else {
                throw .invalidPercentEncoding(part: part)
            }
            let decoded = high << 4 | low
            guard decoded != 0 else { throw .invalidPercentEncoding(part: part) }
            output.append(decoded)
            index += 2
        }
        return ASCII.string(output)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
