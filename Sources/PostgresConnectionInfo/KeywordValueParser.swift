/// Parses `keyword = value` strings with libpq's rules.
///
/// - Pairs are separated by whitespace; whitespace around `=` is allowed.
/// - A value is either unquoted (it ends at whitespace) or in single quotes (it may hold
///   whitespace). In both, a backslash takes the next character literally (`\'`, `\\`, `\ `).
/// - A quoted value needs no whitespace after its closing quote: `host='a'port=1` is two pairs.
/// - `keyword=` sets the empty string.
enum KeywordValueParser {
    private static let equals = UInt8(ascii: "=")
    private static let quote = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")

    static func parse(_ bytes: [UInt8], into store: inout ParameterStore) throws(ConnectionInfoError) {
        var index = 0
        let end = bytes.count
        while index < end {
            if ASCII.isSpace(bytes[index]) {
                index += 1
                continue
            }
            let nameStart = index
            while index < end, bytes[index] != equals, !ASCII.isSpace(bytes[index]) {
                index += 1
            }
            let name = ASCII.string(bytes[nameStart..<index])
            while index < end, ASCII.isSpace(bytes[index]) {
                index += 1
            }
            guard index < end, bytes[index] == equals else { throw .missingEquals(keyword: name) }
            index += 1
            while index < end, ASCII.isSpace(bytes[index]) {
                index += 1
            }
            var value: [UInt8] = []
            if index < end, bytes[index] == quote {
                index += 1
                while true {
                    guard index < end else { throw .unterminatedQuote(keyword: name) }
                    let byte = bytes[index]
                    index += 1
                    if byte == backslash {
                        if index < end {
                            value.append(bytes[index])
                            index += 1
                        }
                    } else if byte == quote {
                        break
                    } else {
                        value.append(byte)
                    }
                }
            } else {
                while index < end {
                    let byte = bytes[index]
                    index += 1
                    if ASCII.isSpace(byte) { break }
                    if byte == backslash {
                        if index < end {
                            value.append(bytes[index])
                            index += 1
                        }
                    } else {
                        value.append(byte)
                    }
                }
            }
            try store.store(name, ASCII.string(value))
        }
    }
}
